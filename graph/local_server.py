"""The project's own Neo4j Community server: a plain Java process on 127.0.0.1.

Layout under VISOR_HOME/neo4j: `<version>/lib` (the jars), `server/conf/neo4j.conf`,
`server/data`, `server/logs/console.log` and `server/run/visor-neo4j.pid`. Only the process named
by that pid file is ever stopped.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import DriverError, Neo4jError

from graph.neo4j_jars import LocalServerError, ensure_jars, find_java, neo4j_version

HOST = "127.0.0.1"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
HEAP = ("-Xms512m", "-Xmx2g")
PAGE_CACHE = "512m"
# Neo4j 5.26's `server.jvm.additional` defaults, less -XX:+AlwaysPreTouch (it commits the whole
# heap up front). The --add-opens flags are required: without java.nio the server dies at start.
JVM_FLAGS = (
    "-Dfile.encoding=UTF-8",
    "-XX:+UseG1GC",
    # A server out of heap exits (the log says why) instead of lingering unable to answer.
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
)


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    """The process runs and Bolt answers."""
    uri: str
    version: str
    data_dir: Path
    log_path: Path
    pid: int | None
    reused: bool = False


@dataclass(frozen=True)
class LocalNeo4j:
    home: Path
    """VISOR_HOME/neo4j."""
    port: int

    @property
    def uri(self) -> str:
        return f"bolt://{HOST}:{self.port}"

    @property
    def server_home(self) -> Path:
        return self.home / "server"

    @property
    def data_dir(self) -> Path:
        return self.server_home / "data"

    @property
    def log_path(self) -> Path:
        return self.server_home / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.server_home / "run" / "visor-neo4j.pid"

    def status(self) -> ServerStatus:
        pid = self._our_pid()
        running = pid is not None and _bolt_answers(self.uri)
        return ServerStatus(
            running=running,
            uri=self.uri,
            version=_server_version(self.uri) if running else neo4j_version(),
            data_dir=self.data_dir,
            log_path=self.log_path,
            pid=pid,
        )

    def start(
        self, *, timeout: float = 120.0, say: Callable[[str], None] = lambda _: None
    ) -> ServerStatus:
        """Start the server, or reuse the one this project already runs; wait until Bolt answers."""
        pid = self._our_pid()
        if pid is not None:
            self._wait_for_bolt(pid, timeout)
            return self._started(pid, reused=True)
        if _port_taken(self.port):
            raise LocalServerError(
                f"port {self.port} on {HOST} is in use by another process, not the Neo4j this "
                "project started (set VISOR_BOLT_PORT to a free port, or NEO4J_URI to use that "
                "server)"
            )
        java = find_java()
        lib = ensure_jars(self.home, say=say)
        self._write_config()
        say(f"starting Neo4j {neo4j_version()} on {self.uri} (log: {self.log_path}) ...")
        argv = [
            str(java),
            *HEAP,
            *JVM_FLAGS,
            "-cp",
            f"{lib}/*",
            ENTRY_POINT,
            f"--home-dir={self.server_home}",
            f"--config-dir={self.server_home / 'conf'}",
            "--console-mode",
        ]
        # posix_spawn, not Popen: the server outlives this process, so no Popen object should
        # own it; a new session keeps it clear of the terminal's signals.
        pid = os.posix_spawn(
            str(java),
            argv,
            dict(os.environ),
            file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (
                    os.POSIX_SPAWN_OPEN,
                    1,
                    str(self.log_path),
                    os.O_WRONLY | os.O_CREAT | os.O_APPEND,
                    0o644,
                ),
                (os.POSIX_SPAWN_DUP2, 1, 2),
            ],
            setsid=True,
        )
        self.pid_file.write_text(f"{pid}\n")
        try:
            self._wait_for_bolt(pid, timeout)
        except LocalServerError:
            self.stop()  # leave no half-started server behind
            raise
        return self._started(pid, reused=False)

    def stop(self, *, timeout: float = 60.0) -> bool:
        """Stop the server this project started; False when none was running."""
        pid = self._our_pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        self.pid_file.unlink(missing_ok=True)
        return True

    def _started(self, pid: int, *, reused: bool) -> ServerStatus:
        return ServerStatus(
            running=True,
            uri=self.uri,
            version=_server_version(self.uri),
            data_dir=self.data_dir,
            log_path=self.log_path,
            pid=pid,
            reused=reused,
        )

    def _wait_for_bolt(self, pid: int, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not _alive(pid):
                self.pid_file.unlink(missing_ok=True)
                raise LocalServerError(
                    f"Neo4j exited during start-up; see its log: {self.log_path}"
                )
            if _bolt_answers(self.uri):
                return
            time.sleep(0.5)
        raise LocalServerError(
            f"Neo4j did not answer on {self.uri} within {timeout:.0f}s; see its log: "
            f"{self.log_path}"
        )

    def _our_pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if self._is_ours(pid) else None

    def _is_ours(self, pid: int) -> bool:
        """True when `pid` is a live Neo4j started with this server home.

        Only for a settled process: while the java launcher re-executes itself at start-up, its
        command line can briefly read as empty (start-up watches `_alive` instead).
        """
        if not _alive(pid):
            return False
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            return False
        return (
            ENTRY_POINT.encode() in cmdline and f"--home-dir={self.server_home}".encode() in cmdline
        )

    def _write_config(self) -> None:
        for sub in ("conf", "data", "logs", "run"):
            (self.server_home / sub).mkdir(parents=True, exist_ok=True)
        settings = {
            "server.default_listen_address": HOST,
            "server.bolt.enabled": "true",
            "server.bolt.listen_address": f"{HOST}:{self.port}",
            # The routing table a neo4j:// driver asks for names this address, not localhost:7687.
            "server.bolt.advertised_address": f"{HOST}:{self.port}",
            "server.bolt.tls_level": "DISABLED",
            "server.http.enabled": "false",
            "server.https.enabled": "false",
            # Local development only: bound to loopback, no credentials.
            "dbms.security.auth_enabled": "false",
            "server.directories.data": str(self.data_dir),
            "server.directories.logs": str(self.server_home / "logs"),
            "server.directories.run": str(self.server_home / "run"),
            "server.memory.pagecache.size": PAGE_CACHE,
            "dbms.usage_report.enabled": "false",
        }
        conf = "".join(f"{key}={value}\n" for key, value in settings.items())
        (self.server_home / "conf" / "neo4j.conf").write_text(conf)


def _alive(pid: int) -> bool:
    """True while `pid` runs; reaps it when it is an exited child of this process."""
    with contextlib.suppress(ChildProcessError):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return True
    return state != "Z"


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(1.0)
        return sock.connect_ex((HOST, port)) == 0


def _bolt_answers(uri: str) -> bool:
    try:
        with GraphDatabase.driver(uri, auth=None, connection_timeout=2.0) as driver:
            driver.verify_connectivity()
        return True
    except (DriverError, Neo4jError, OSError):
        return False


def _server_version(uri: str) -> str:
    with GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD versions RETURN versions[0] AS version"
        )
    return str(records[0]["version"])
