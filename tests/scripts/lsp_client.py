"""A small Language Server Protocol client for tests and the benchmark: starts `wijk lsp`,
frames JSON-RPC messages with Content-Length, and keeps what the server publishes.

Every wait is bounded: a server that hangs fails the test instead of stalling it.
"""
import json
import os
import select
import subprocess
import time


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def path_uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def uri_path(uri):
    from urllib.parse import unquote
    assert uri.startswith("file://"), uri
    return unquote(uri[len("file://"):])


class Timeout(Exception):
    pass


class Client:
    def __init__(self, wijk, args=(), cwd=None, timeout=30):
        self.proc = subprocess.Popen([wijk, *args, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.timeout = timeout
        self.buf = b""
        self.next_id = 0
        self.inbox = []        # notifications and server requests not yet looked at
        self.published = {}    # uri -> the latest list of diagnostics
        self.versions = {}     # uri -> the version of the latest publish (or None)
        self.publishes = []    # (uri, version, diagnostics) in the order they came
        self.logs = []         # window/logMessage texts

    # ---- sending --------------------------------------------------------------------------
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def frame(self, obj):
        body = json.dumps(obj).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    def send(self, obj):
        self.send_raw(self.frame(obj))

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def request_id(self):
        self.next_id += 1
        return self.next_id

    # ---- receiving ------------------------------------------------------------------------
    def read(self, timeout=None):
        """The next message, or Timeout; EOFError when the server closed its output."""
        end = time.monotonic() + (self.timeout if timeout is None else timeout)
        while True:
            i = self.buf.find(b"\r\n\r\n")
            if i >= 0:
                header = self.buf[:i].decode("ascii")
                length = None
                for line in header.split("\r\n"):
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                assert length is not None, "a message from the server without Content-Length: %r" % header
                if len(self.buf) >= i + 4 + length:
                    body = self.buf[i + 4:i + 4 + length]
                    self.buf = self.buf[i + 4 + length:]
                    msg = json.loads(body.decode("utf-8"))
                    self._note(msg)
                    return msg
            left = end - time.monotonic()
            if left <= 0:
                raise Timeout("no message from the server in time")
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                raise Timeout("no message from the server in time")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the server closed its output")
            self.buf += chunk

    def _note(self, msg):
        if msg.get("method") == "textDocument/publishDiagnostics":
            p = msg["params"]
            self.published[p["uri"]] = p["diagnostics"]
            self.versions[p["uri"]] = p.get("version")
            self.publishes.append((p["uri"], p.get("version"), p["diagnostics"]))
        elif msg.get("method") == "window/logMessage":
            self.logs.append(msg["params"]["message"])

    def response(self, rid, timeout=None):
        """Reads until the response to request `rid`; what comes before it goes to the inbox."""
        while True:
            msg = self.read(timeout)
            if "method" not in msg and msg.get("id") == rid:
                return msg
            self.inbox.append(msg)

    def request(self, method, params=None, timeout=None):
        rid = self.request_id()
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(rid, timeout)

    def result(self, method, params=None):
        r = self.request(method, params)
        assert "error" not in r, "%s failed: %s" % (method, r["error"])
        return r["result"]

    def wait_for(self, predicate, what, timeout=None):
        """Reads messages until predicate(client) holds."""
        end = time.monotonic() + (self.timeout if timeout is None else timeout)
        while not predicate(self):
            left = end - time.monotonic()
            if left <= 0:
                raise Timeout("waited in vain for " + what)
            try:
                self.inbox.append(self.read(left))
            except Timeout:
                raise Timeout("waited in vain for " + what)

    # ---- the usual conversation -----------------------------------------------------------
    def initialize(self, init_options=None, capabilities=None, root=None):
        params = {"processId": os.getpid(), "rootUri": path_uri(root) if root else None,
                  "capabilities": capabilities if capabilities is not None else {
                      "textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}}
        if init_options is not None:
            params["initializationOptions"] = init_options
        r = self.result("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text=None, version=1):
        if text is None:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
        uri = path_uri(path)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": version,
                                                              "text": text}})
        return uri

    def change(self, uri, version, changes):
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                               "contentChanges": changes})

    def barrier(self, uri):
        """A hover: the server checks what changed before it answers, so every diagnostic of
        the edits before it has been published when the answer comes."""
        return self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                   "position": {"line": 0, "character": 0}})

    def close(self):
        """shutdown and exit; the server's exit status."""
        try:
            self.result("shutdown")
            self.notify("exit")
        except (BrokenPipeError, EOFError):
            pass
        try:
            return self.proc.wait(timeout=self.timeout)
        finally:
            self.kill()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                f.close()
            except Exception:
                pass
