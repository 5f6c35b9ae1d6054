#!/usr/bin/env python3
"""wijk lsp at the protocol level: a scripted client speaks JSON-RPC over the server's stdin and
stdout and checks every capability, the cross-file case, incremental sync on non-ASCII lines,
malformed input, and that the server never writes a file.

    tests/scripts/lsp_protocol.py WIJK [TEST...]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, Timeout, path_uri, uri_path, utf16_len  # noqa: E402

WIJK = os.path.abspath(sys.argv[1])
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AS_OF = "2026-11-26"

FIXTURE = {
    "wijk.yaml": """format: 1
organisation: Woonstichting Test
staff:
  - {id: anouk, name: Anouk de Vries, email: a.devries@example.nl}
  - {id: bram, name: Bram Koster}
""",
    "neighbourhoods.yaml": """neighbourhoods:
  - id: oost
    name: Oost
    municipality: Amsterdam
    district: Oost
  - id: west
    name: West
    municipality: Amsterdam
""",
    "liveability/scores.yaml": """liveability:
  - {neighbourhood: oost, year: 2020, class: 2}
  - {neighbourhood: oost, year: 2022, class: 3}
  - {neighbourhood: oost, year: 2024, class: 4}
""",
    "partners.yaml": """partners:
  - id: buurtwerk
    name: Stichting Buurtwerk
    kind: welfare
    neighbourhoods: [oost]
  - id: huurders-oost
    name: Huurdersvereniging Oost
    kind: tenants
""",
    "agreements.yaml": """agreements:
  - id: buurtkamer
    partner: buurtwerk
    title: Buurtkamer Oost
    neighbourhoods: [oost]
    start: 2025-01-01
    end: 2026-12-31
    renewal: tacit
    renewal_term: 1 year
    notice: 3 months
    owner: anouk
    partner_provides:
      - {id: koffie, description: Weekly coffee morning, target: 40, unit: mornings}
      - {id: spreekuur, description: Walk-in hours}
""",
    "evaluations.yaml": """evaluations:
  - agreement: buurtkamer
    year: 2026
    date: 2026-01-10
    decision: continue
    results:
      - {commitment: koffie, achieved: 38}
""",
}


def make_fixture(extra=None):
    root = tempfile.mkdtemp(prefix="wijk-lsp-")
    files = dict(FIXTURE)
    files.update(extra or {})
    for rel, text in files.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    return root


def snapshot(root):
    """Every file under root with its bytes and modification time."""
    out = {}
    for d, _, names in os.walk(root):
        for n in names:
            p = os.path.join(d, n)
            st = os.lstat(p)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = (f.read(), st.st_mtime_ns)
    return out


def server(args=("--as-of", AS_OF), **kw):
    return Client(WIJK, args=args, **kw)


def find_line(text, needle, start=0):
    for i, line in enumerate(text.split("\n")):
        if i >= start and needle in line:
            return i, line
    raise AssertionError("no line with %r" % needle)


def pos(line, text_before):
    return {"line": line, "character": utf16_len(text_before)}


def labels(completion):
    return [i["label"] for i in completion["items"]]


def item(completion, label):
    for i in completion["items"]:
        if i["label"] == label:
            return i
    raise AssertionError("no completion %r among %r" % (label, labels(completion)))


def hover_text(h):
    assert h is not None, "no hover"
    return h["contents"]["value"]


def set_text(c, uri, version, text):
    c.change(uri, version, [{"text": text}])


def td(uri):
    return {"textDocument": {"uri": uri}}


# ---- the tests -----------------------------------------------------------------------------------

def test_lifecycle_and_malformed_input():
    root = make_fixture()
    before = snapshot(root)
    c = server()
    try:
        # before initialize: ServerNotInitialized
        r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": 0, "character": 0}})
        assert r["error"]["code"] == -32002, r
        init = c.initialize()
        caps = init["capabilities"]
        assert caps["positionEncoding"] == "utf-16"
        assert caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"]
        for p in ("completionProvider", "hoverProvider", "definitionProvider", "documentSymbolProvider", "codeActionProvider"):
            assert caps.get(p), p
        assert init["serverInfo"]["name"] == "wijk"
        # a second initialize is refused
        assert c.request("initialize", {"capabilities": {}})["error"]["code"] == -32600

        # invalid JSON: a parse error with a null id
        c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
        m = c.read()
        assert m["error"]["code"] == -32700 and m["id"] is None, m
        # not an object: invalid request
        c.send_raw(b"Content-Length: 5\r\n\r\n[1,2]")
        m = c.read()
        assert m["error"]["code"] == -32600 and m["id"] is None, m
        # an id that is neither a number nor a string
        c.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})
        m = c.read()
        assert m["error"]["code"] == -32600 and m["id"] is None, m
        # a header without Content-Length is skipped, with a log message, and the server goes on
        c.send_raw(b"Content-Type: application/json\r\n\r\n")
        c.wait_for(lambda cl: any("Content-Length" in l for l in cl.logs), "a log about the skipped header")
        # bytes that are no header at all, then a real message
        c.send_raw(b"x" * 9000)
        # an unknown method: MethodNotFound, with the request's id
        r = c.request("wijk/unknownMethod", {})
        assert r["error"]["code"] == -32601 and r["id"] == c.next_id, r
        # an unknown notification gets no answer: the next answer is the next request's
        c.notify("wijk/unknownNotification", {"a": 1})
        c.notify("$/cancelRequest", {"id": 999})
        r = c.request("wijk/alsoUnknown", None)
        assert r["error"]["code"] == -32601
        assert not [m for m in c.inbox if "id" in m and "method" not in m], c.inbox
        # a header ended by bare LFs (typed by hand) is read too
        body = json.dumps({"jsonrpc": "2.0", "id": 4242, "method": "wijk/unknown"}).encode()
        c.send_raw(b"Content-Length: %d\n\n" % len(body) + body)
        assert c.response(4242)["error"]["code"] == -32601
        # parameters of the wrong type: InvalidParams, never a crash
        r = c.request("textDocument/hover", 5)
        assert r["error"]["code"] == -32602, r
        r = c.request("textDocument/completion", {"textDocument": "nope", "position": [1, 2]})
        assert "result" in r and r["result"]["items"] == [], r

        # a document of the repository; positions past the end are clamped, never an error
        uri = c.open(os.path.join(root, "agreements.yaml"))
        c.barrier(uri)
        for p in ({"line": 100000, "character": 0}, {"line": 2, "character": 100000},
                  {"line": 4294967295, "character": 4294967295}):
            for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
                r = c.request(method, {"textDocument": {"uri": uri}, "position": p})
                assert "result" in r, (method, p, r)
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": -1, "character": -5}})
        assert "result" in r and r["result"] is None, r
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                  "range": {"start": {"line": 99999, "character": 0},
                                                            "end": {"line": 0, "character": 0}},
                                                  "context": {"diagnostics": []}})
        assert r["result"] == [], r
        # edits with ranges past the end, or backwards, are clamped too
        c.change(uri, 2, [{"range": {"start": {"line": 500, "character": 3}, "end": {"line": 400, "character": 0}},
                           "text": "\n# added at the end\n"}])
        c.change("file:///never/opened.yaml", 1, [{"text": "x"}])
        c.change(uri, 3, "not a list")
        c.barrier(uri)
        assert c.published.get(uri) == [], c.published.get(uri)

        # a document outside any data repository: no diagnostics, no answers, one log line
        outside = tempfile.mkdtemp(prefix="wijk-outside-")
        ouri = c.open(os.path.join(outside, "docker-compose.yaml"), "services:\n  web:\n    image: x\n")
        assert c.result("textDocument/completion", {"textDocument": {"uri": ouri}, "position": {"line": 1, "character": 2}})["items"] == []
        assert c.result("textDocument/hover", {"textDocument": {"uri": ouri}, "position": {"line": 0, "character": 1}}) is None
        assert c.result("textDocument/documentSymbol", td(ouri)) == []
        assert c.result("textDocument/definition", {"textDocument": {"uri": ouri}, "position": {"line": 2, "character": 12}}) is None
        assert any("no wijk data repository" in l for l in c.logs), c.logs
        assert ouri not in c.published
        # a URI that is not a file
        c.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "yaml",
                                                           "version": 1, "text": "partners:\n"}})
        assert c.result("textDocument/hover", {"textDocument": {"uri": "untitled:Untitled-1"},
                                               "position": {"line": 0, "character": 1}}) is None
        shutil.rmtree(outside)

        # shutdown, then requests are refused, then exit with status 0
        assert c.result("shutdown") is None
        assert c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 1}})["error"]["code"] == -32600
        c.notify("exit")
        assert c.proc.wait(timeout=20) == 0
    finally:
        c.kill()
    assert snapshot(root) == before, "the server changed a file"
    shutil.rmtree(root)


def test_exits_at_end_of_input_and_on_exit():
    # the end of the input without shutdown: exit status 1, promptly
    c = server()
    c.initialize()
    c.proc.stdin.close()
    assert c.proc.wait(timeout=20) == 1
    c.kill()
    # exit without shutdown: 1
    c = server()
    c.initialize()
    c.notify("exit")
    assert c.proc.wait(timeout=20) == 1
    c.kill()
    # garbage and then the end of input: no hang
    c = server()
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    c.proc.stdin.close()
    assert c.proc.wait(timeout=20) == 1
    c.kill()


def validate_json(root, *args):
    p = subprocess.run([WIJK, "-C", root, "--as-of", AS_OF, *args, "validate", "-f", "json"], capture_output=True, text=True)
    return json.loads(p.stdout)


def lsp_view(c, root):
    """(file, line, character, rule, severity, message) of everything published."""
    out = set()
    for uri, diags in c.published.items():
        rel = os.path.relpath(uri_path(uri), root)
        for d in diags:
            out.add((rel, d["range"]["start"]["line"] + 1, d["range"]["start"]["character"], d["code"],
                     {1: "error", 2: "warning"}[d["severity"]], d["message"]))
    return out


def validate_view(v, root, hint_word):
    out = set()
    for d in v["diagnostics"]:
        message = d["message"] + ("\n%s: %s" % (hint_word, d["hint"]) if d["hint"] else "")
        character = 0
        if d["line"] > 0:
            with open(os.path.join(root, d["file"]), encoding="utf-8", errors="replace", newline="") as f:
                lines = f.read().lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
            character = utf16_len(lines[d["line"] - 1][:d["column"] - 1])
        out.add((d["file"], max(d["line"], 1), character, d["rule"], d["severity"], message))
    return out


def test_diagnostics_are_validates():
    root = tempfile.mkdtemp(prefix="wijk-lsp-broken-")
    shutil.copytree(os.path.join(REPO, "examples", "broken"), root, dirs_exist_ok=True)
    before = snapshot(root)
    for lang, hint_word in (("en", "hint"), ("nl", "tip")):
        c = server()
        try:
            c.initialize(init_options={"language": lang})
            uri = c.open(os.path.join(root, "agreements.yaml"))
            c.barrier(uri)
            v = validate_json(root, "--lang", lang)
            expected = validate_view(v, root, hint_word)
            got = lsp_view(c, root)
            assert len(v["diagnostics"]) > 40
            missing, extra = expected - got, got - expected
            assert not missing and not extra, "validate only: %r\nlsp only: %r" % (sorted(missing)[:5], sorted(extra)[:5])
            # a file of the repository that is not open has its diagnostics published too
            assert path_uri(os.path.join(root, "partners.yaml")) in c.published
            assert c.close() == 0
        finally:
            c.kill()
    assert snapshot(root) == before, "the server changed a file"
    shutil.rmtree(root)


def test_cross_file_rename_shows_dangling_references():
    root = make_fixture()
    before = snapshot(root)
    c = server()
    try:
        c.initialize()
        puri = c.open(os.path.join(root, "partners.yaml"))
        auri = c.open(os.path.join(root, "agreements.yaml"))
        c.barrier(auri)
        assert c.published.get(auri) == [] and c.published.get(puri) == [], c.published
        # rename the partner in its buffer, unsaved: an incremental edit of one line
        ptext = FIXTURE["partners.yaml"]
        line, text = find_line(ptext, "- id: buurtwerk")
        start = text.index("buurtwerk") + len("buurtwerk")
        c.change(puri, 2, [{"range": {"start": pos(line, text[:start]), "end": pos(line, text[:start])}, "text": "-noord"}])
        c.barrier(puri)
        diags = c.published[auri]
        assert [d["code"] for d in diags] == ["dangling-ref"], diags
        aline, atext = find_line(FIXTURE["agreements.yaml"], "partner: buurtwerk")
        assert diags[0]["range"]["start"] == pos(aline, atext[:atext.index("buurtwerk")])
        assert diags[0]["range"]["end"] == pos(aline, atext)
        assert "no partners with id 'buurtwerk'" in diags[0]["message"]
        assert "did you mean 'buurtwerk-noord'?" in diags[0]["message"]
        # the strategy-less evaluation file is not affected; the disk is untouched
        assert c.published.get(puri) == []
        # close the buffer without saving: the file on disk counts again, the reference is fixed
        c.notify("textDocument/didClose", td(puri))
        c.barrier(auri)
        assert c.published[auri] == [], c.published[auri]
        assert c.close() == 0
    finally:
        c.kill()
    assert snapshot(root) == before, "the server changed a file"
    shutil.rmtree(root)


def test_incremental_sync_on_non_ascii_lines():
    line = '  - {id: tuin, title: "Één tuin 🌳 voor iedereen", partner: buurtwrk, neighbourhoods: [oost], start: 2025-01-01, end: 2027-12-31, renewal: none}'
    root = make_fixture({"tuin.yaml": "# Café \u00e9\u00e9n\r\nagreements:\r\n" + line + "\r\n"})
    c = server()
    try:
        c.initialize()
        uri = c.open(os.path.join(root, "tuin.yaml"))
        c.barrier(uri)
        diags = c.published[uri]
        assert [d["code"] for d in diags] == ["dangling-ref"], diags
        col = line.index("buurtwrk")
        assert diags[0]["range"]["start"] == {"line": 2, "character": utf16_len(line[:col])}, diags[0]["range"]
        assert diags[0]["range"]["end"] == {"line": 2, "character": utf16_len(line[:col + len("buurtwrk")])}
        # insert 'e' between 'buurtw' and 'rk': a position counted in UTF-16 units after the tree
        p = pos(2, line[:col + 6])
        c.change(uri, 2, [{"range": {"start": p, "end": p}, "text": "e"}])
        line = line[:col + 6] + "e" + line[col + 6:]
        c.barrier(uri)
        assert c.published[uri] == [], c.published[uri]
        # two changes in one message, applied in order: an emoji before the title, then the
        # partner replaced by an unknown id (its range counted after the first change)
        t = line.index("Één")
        first = {"range": {"start": pos(2, line[:t]), "end": pos(2, line[:t])}, "text": "🌍 "}
        line = line[:t] + "🌍 " + line[t:]
        col = line.index("buurtwerk")
        second = {"range": {"start": pos(2, line[:col]), "end": pos(2, line[:col + len("buurtwerk")])}, "text": "niemand"}
        line = line[:col] + "niemand" + line[col + len("buurtwerk"):]
        c.change(uri, 3, [first, second])
        c.barrier(uri)
        diags = c.published[uri]
        assert [d["code"] for d in diags] == ["dangling-ref"], diags
        assert diags[0]["range"]["start"] == {"line": 2, "character": utf16_len(line[:col])}, (diags[0]["range"], utf16_len(line[:col]))
        assert "'niemand'" in diags[0]["message"]
        # the server's text is the client's: a definition after the emoji lands on the partner
        definition = c.result("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos(2, line[:line.index("oost]") + 1])})
        assert definition["uri"] == path_uri(os.path.join(root, "neighbourhoods.yaml")), definition
        # a new line typed at the end of the first (the file has CRLF line ends): the problem
        # moves one line down
        end0 = {"line": 0, "character": utf16_len("# Café één")}
        c.change(uri, 4, [{"range": {"start": end0, "end": end0}, "text": "\r\n# één regel meer"}])
        c.barrier(uri)
        (d,) = c.published[uri]
        assert d["range"]["start"] == {"line": 3, "character": utf16_len(line[:col])}, d
        # a change across lines: the two comment lines become one again
        c.change(uri, 5, [{"range": {"start": end0, "end": {"line": 1, "character": utf16_len("# één regel meer")}}, "text": ""}])
        c.barrier(uri)
        (d,) = c.published[uri]
        assert d["range"]["start"] == {"line": 2, "character": utf16_len(line[:col])}, d
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_completion():
    root = make_fixture()
    c = server()
    try:
        c.initialize()
        scratch = os.path.join(root, "scratch.yaml")  # a new, unsaved buffer of the repository
        uri = c.open(scratch, "")
        c.barrier(uri)
        version = [1]

        def complete(text, line, before):
            version[0] += 1
            set_text(c, uri, version[0], text)
            c.barrier(uri)  # ids are those of the last check: let it see this text
            return c.result("textDocument/completion", {"textDocument": {"uri": uri}, "position": pos(line, before)})

        # the top level: collection names
        got = complete("", 0, "")
        assert set(labels(got)) == {"neighbourhoods", "liveability", "partners", "agreements", "evaluations", "strategies"}
        # partner ids after `partner: `, with the partner's name
        doc = "agreements:\n  - id: nieuw\n    partner: \n"
        got = complete(doc, 2, "    partner: ")
        assert set(labels(got)) == {"buurtwerk", "huurders-oost"}, labels(got)
        assert "Stichting Buurtwerk" in item(got, "buurtwerk")["detail"]
        # what was typed is replaced by the chosen id
        got = complete("agreements:\n  - id: nieuw\n    partner: buu\n", 2, "    partner: buu")
        edit = item(got, "buurtwerk")["textEdit"]
        assert edit["range"] == {"start": {"line": 2, "character": 13}, "end": {"line": 2, "character": 16}}, edit
        assert edit["newText"] == "buurtwerk"
        # keys of an agreement: the missing ones, required first
        doc = "agreements:\n  - id: nieuw\n    partner: buurtwerk\n    \n    start: 2026-01-01\n"
        got = complete(doc, 3, "    ")
        ls = labels(got)
        assert "title" in ls and "neighbourhoods" in ls and "renewal" in ls and "notice" in ls
        assert "id" not in ls and "partner" not in ls and "start" not in ls, ls
        req = [i["label"] for i in sorted(got["items"], key=lambda i: i["sortText"])][:2]
        assert set(req) == {"title", "neighbourhoods"}, req
        assert item(got, "notice")["textEdit"]["newText"] == "notice: "
        assert "notice period" in item(got, "notice")["documentation"]["value"]
        # a half-typed key
        got = complete("agreements:\n  - id: nieuw\n    ren\n", 2, "    ren")
        assert "renewal" in labels(got) and "renewal_term" in labels(got)
        # enum values
        got = complete("agreements:\n  - id: nieuw\n    renewal: \n", 2, "    renewal: ")
        assert labels(got) == ["none", "tacit", "indefinite"], labels(got)
        assert item(got, "tacit")["detail"] == "tacit renewal"
        # neighbourhood ids in a flow list, without those already in it
        got = complete("agreements:\n  - id: nieuw\n    neighbourhoods: [oost, ]\n", 2, "    neighbourhoods: [oost, ")
        assert labels(got) == ["west"], labels(got)
        # the whole list: an id in brackets
        got = complete("agreements:\n  - id: nieuw\n    neighbourhoods: \n", 2, "    neighbourhoods: ")
        assert item(got, "oost")["textEdit"]["newText"] == "[oost]"
        # a block list item
        got = complete("partners:\n  - id: p\n    neighbourhoods:\n      - \n", 3, "      - ")
        assert set(labels(got)) == {"oost", "west"}, labels(got)
        # staff ids for owner, with their names
        got = complete("agreements:\n  - id: nieuw\n    owner: \n", 2, "    owner: ")
        assert labels(got) == ["anouk", "bram"] and item(got, "anouk")["detail"] == "Anouk de Vries", got
        # commitment ids of the evaluation's agreement, in a flow mapping and in a block
        doc = "evaluations:\n  - agreement: buurtkamer\n    year: 2027\n    results:\n      - {commitment: }\n"
        got = complete(doc, 4, "      - {commitment: ")
        assert labels(got) == ["koffie", "spreekuur"], labels(got)
        assert item(got, "koffie")["detail"] == "Weekly coffee morning"
        doc = "evaluations:\n  - agreement: buurtkamer\n    results:\n      - commitment: \n        achieved: 3\n"
        got = complete(doc, 3, "      - commitment: ")
        assert labels(got) == ["koffie", "spreekuur"], labels(got)
        # agreement ids in an evaluation, with titles
        got = complete("evaluations:\n  - agreement: \n", 1, "  - agreement: ")
        assert labels(got) == ["buurtkamer"] and item(got, "buurtkamer")["detail"] == "Buurtkamer Oost"
        # keys of a flow mapping: a provision of kind space offers its own keys only
        got = complete("agreements:\n  - id: x\n    we_provide:\n      - {kind: space, }\n", 3, "      - {kind: space, ")
        ls = labels(got)
        assert "address" in ls and "lease" in ls and "percent" not in ls and "kind" not in ls, ls
        got = complete("agreements:\n  - id: x\n    we_provide:\n      - kind: rent_discount\n        \n", 4, "        ")
        ls = labels(got)
        assert "percent" in ls and "justification" in ls and "address" not in ls, ls
        # a nested mapping: terminated
        got = complete("agreements:\n  - id: x\n    terminated:\n      \n", 3, "      ")
        assert set(labels(got)) == {"end", "by", "notice_given", "reason"}, labels(got)
        # in a comment or a block of text: nothing
        got = complete("agreements:\n  - id: x\n    notes: |\n      partner: \n", 3, "      partner: ")
        assert labels(got) == [], labels(got)
        got = complete("# partner: \n", 0, "# partner: ")
        assert labels(got) == []
        # strategy ids after `strategy: `, with titles: the strategy stands in another, unsaved buffer
        c.open(os.path.join(root, "strategies.yaml"), "strategies:\n  - id: oost-2030\n    title: Oost naar 2030\n"
               "    neighbourhoods: [oost]\n    start: 2026-01-01\n    end: 2029-12-31\n")
        got = complete("agreements:\n  - id: nieuw\n    strategy: \n", 2, "    strategy: ")
        assert labels(got) == ["oost-2030"] and item(got, "oost-2030")["detail"] == "Oost naar 2030", got
        # wijk.yaml: its own keys and values
        wuri = c.open(os.path.join(root, "wijk.yaml"), FIXTURE["wijk.yaml"] + "\n")
        n = FIXTURE["wijk.yaml"].count("\n")
        got = c.result("textDocument/completion", {"textDocument": {"uri": wuri}, "position": {"line": n, "character": 0}})
        ls = labels(got)
        assert "language" in ls and "reminders" in ls and "format" not in ls and "staff" not in ls, ls
        set_text(c, wuri, 2, FIXTURE["wijk.yaml"] + "language: \n")
        got = c.result("textDocument/completion", {"textDocument": {"uri": wuri}, "position": pos(n, "language: ")})
        assert labels(got) == ["en", "nl"], labels(got)
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def reminders_json(root, lang="en"):
    p = subprocess.run([WIJK, "-C", root, "--as-of", AS_OF, "--lang", lang, "reminders", "-f", "json", "--within", "5 years"],
                       capture_output=True, text=True)
    return json.loads(p.stdout)


def test_hover():
    root = make_fixture()
    c = server()
    try:
        c.initialize()
        atext = FIXTURE["agreements.yaml"]
        uri = c.open(os.path.join(root, "agreements.yaml"))
        # on an agreement: status, current term end, notice deadline, next reminder
        line, text = find_line(atext, "- id: buurtkamer")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, text[:-2])}))
        assert "Buurtkamer Oost" in h and "Status on 2026-11-26: active" in h, h
        assert "Current term ends on 2026-12-31" in h, h
        assert "Notice deadline: 2026-09-30 (notice period 3 months)" in h, h
        first = min((r for r in reminders_json(root)["reminders"] if r.get("agreement") == "buurtkamer"),
                    key=lambda r: r["date"])
        assert "Next reminder: %s" % first["date"] in h, (h, first)
        # on a reference to a partner: its name and kind
        line, text = find_line(atext, "partner: buurtwerk")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, text[:-3])}))
        assert "Stichting Buurtwerk" in h and "Kind: welfare" in h, h
        # on a reference to a neighbourhood: the latest class and the trend
        line, text = find_line(atext, "neighbourhoods: [oost]")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, text[:-3])}))
        assert "Latest class: 4 (weak, 2024)" in h or "Latest class: 4 (" in h, h
        assert "2 (2020) → 3 (2022) → 4 (2024)" in h, h
        # on a reference to a staff member
        line, text = find_line(atext, "owner: anouk")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, text[:-1])}))
        assert "Anouk de Vries" in h and "a.devries@example.nl" in h, h
        # on a key: what it means
        line, text = find_line(atext, "notice: 3 months")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, "    not")}))
        assert "notice period" in h and "duration" in h, h
        # on a commitment in an evaluation
        euri = c.open(os.path.join(root, "evaluations.yaml"))
        line, text = find_line(FIXTURE["evaluations.yaml"], "commitment: koffie")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": euri}, "position": pos(line, text[:text.index("koffie") + 2])}))
        assert "Weekly coffee morning" in h and "Target: 40 mornings a year" in h, h
        # an unknown id says so
        line, text = find_line(atext, "partner: buurtwerk")
        set_text(c, uri, 2, atext.replace("partner: buurtwerk", "partner: niemand"))
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, "    partner: nie")}))
        assert "No partner with id 'niemand'" in h, h
        # nothing on a plain text value
        line, text = find_line(atext, "title: Buurtkamer Oost")
        assert c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, text[:-2])}) is None
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_definition():
    root = make_fixture()
    c = server()
    try:
        c.initialize()
        atext = FIXTURE["agreements.yaml"]
        uri = c.open(os.path.join(root, "agreements.yaml"))

        def definition(u, text, needle, inside):
            line, t = find_line(text, needle)
            return c.result("textDocument/definition", {"textDocument": {"uri": u}, "position": pos(line, t[:t.index(inside) + 1])})

        d = definition(uri, atext, "partner: buurtwerk", "buurtwerk")
        pline, ptext = find_line(FIXTURE["partners.yaml"], "- id: buurtwerk")
        assert d == {"uri": path_uri(os.path.join(root, "partners.yaml")),
                     "range": {"start": pos(pline, "  - id: "), "end": pos(pline, ptext)}}, d
        d = definition(uri, atext, "neighbourhoods: [oost]", "oost")
        nline, ntext = find_line(FIXTURE["neighbourhoods.yaml"], "- id: oost")
        assert d["uri"] == path_uri(os.path.join(root, "neighbourhoods.yaml")) and d["range"]["start"] == pos(nline, "  - id: "), d
        d = definition(uri, atext, "owner: anouk", "anouk")
        wline, wtext = find_line(FIXTURE["wijk.yaml"], "id: anouk")
        assert d["uri"] == path_uri(os.path.join(root, "wijk.yaml")) and d["range"]["start"] == pos(wline, wtext[:wtext.index("anouk")]), d
        euri = c.open(os.path.join(root, "evaluations.yaml"))
        d = definition(euri, FIXTURE["evaluations.yaml"], "commitment: koffie", "koffie")
        kline, ktext = find_line(atext, "id: koffie")
        assert d["uri"] == uri and d["range"]["start"] == pos(kline, ktext[:ktext.index("koffie")]), d
        d = definition(euri, FIXTURE["evaluations.yaml"], "agreement: buurtkamer", "buurtkamer")
        aline, a = find_line(atext, "- id: buurtkamer")
        assert d["uri"] == uri and d["range"]["start"] == pos(aline, "  - id: "), d
        # an id that names nothing, and a value that is no reference: no definition
        assert definition(uri, atext, "title: Buurtkamer", "Buurtkamer") is None
        set_text(c, uri, 2, atext.replace("partner: buurtwerk", "partner: niemand"))
        assert definition(uri, atext.replace("partner: buurtwerk", "partner: niemand"), "partner: niemand", "niemand") is None
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_document_symbols():
    root = make_fixture({"more.yaml": "partners:\n  - id: p1\n    name: Partner Een\n    kind: other\n\nagreements:\n  - {id: a1, title: Flow agreement, partner: p1}\n"})
    for hierarchical in (True, False):
        c = server()
        try:
            caps = {"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": hierarchical}}}
            c.initialize(capabilities=caps)
            uri = c.open(os.path.join(root, "more.yaml"))
            syms = c.result("textDocument/documentSymbol", td(uri))
            if hierarchical:
                assert [s["name"] for s in syms] == ["partners", "agreements"], syms
                p = syms[0]["children"]
                assert [(s["name"], s.get("detail")) for s in p] == [("p1", "Partner Een")], p
                assert p[0]["range"]["start"] == {"line": 1, "character": 2} and p[0]["range"]["end"]["line"] == 3
                assert p[0]["selectionRange"] == {"start": {"line": 1, "character": 8}, "end": {"line": 1, "character": 10}}
                a = syms[1]["children"]
                assert [(s["name"], s.get("detail")) for s in a] == [("a1", "Flow agreement")], a
            else:
                names = [(s["name"], s.get("containerName")) for s in syms]
                assert names == [("partners", None), ("p1", "partners"), ("agreements", None), ("a1", "agreements")], names
                assert all(s["location"]["uri"] == uri for s in syms)
            assert c.close() == 0
        finally:
            c.kill()
    # evaluations and liveability are named by what they are about
    c = server()
    try:
        c.initialize()
        uri = c.open(os.path.join(root, "evaluations.yaml"))
        syms = c.result("textDocument/documentSymbol", td(uri))
        assert [s["name"] for s in syms[0]["children"]] == ["buurtkamer 2026"], syms
        uri = c.open(os.path.join(root, "liveability", "scores.yaml"))
        syms = c.result("textDocument/documentSymbol", td(uri))
        assert [s["name"] for s in syms[0]["children"]] == ["oost 2020", "oost 2022", "oost 2024"], syms
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def apply_edit(text, edit):
    lines = text.split("\n")

    def offset(p):
        line = lines[p["line"]]
        units, i = 0, 0
        while i < len(line) and units < p["character"]:
            units += utf16_len(line[i])
            i += 1
        return sum(len(l) + 1 for l in lines[:p["line"]]) + i
    a, b = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:a] + edit["newText"] + text[b:]


def test_code_actions():
    root = make_fixture()
    before = snapshot(root)
    c = server()
    try:
        c.initialize()
        text = FIXTURE["agreements.yaml"].replace("partner: buurtwerk", "partner: buurtwrk").replace("title:", "titel:")
        uri = c.open(os.path.join(root, "agreements.yaml"), text)
        c.barrier(uri)
        assert sorted(d["code"] for d in c.published[uri]) == ["dangling-ref", "missing-key", "unknown-key"], c.published[uri]

        def actions(needle, t):
            line, _ = find_line(t, needle)
            return c.result("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                                                        "context": {"diagnostics": []}})
        acts = actions("partner: buurtwrk", text)
        assert [a["title"] for a in acts] == ["Replace 'buurtwrk' by 'buurtwerk'"], acts
        assert acts[0]["kind"] == "quickfix" and acts[0]["isPreferred"] and acts[0]["diagnostics"][0]["code"] == "dangling-ref"
        (edit,) = acts[0]["edit"]["changes"][uri]
        text = apply_edit(text, edit)
        acts = actions("titel:", text)
        assert [a["title"] for a in acts] == ["Replace 'titel' by 'title'"], acts
        text = apply_edit(text, acts[0]["edit"]["changes"][uri][0])
        assert text == FIXTURE["agreements.yaml"], text
        set_text(c, uri, 2, text)
        c.barrier(uri)
        assert c.published[uri] == [], c.published[uri]
        # renewal-missing: each renewal value, in a block and in a flow mapping
        text = FIXTURE["agreements.yaml"].replace("    renewal: tacit\n    renewal_term: 1 year\n", "")
        text += "  - {id: flow, partner: buurtwerk, title: Flow, neighbourhoods: [oost], start: 2025-01-01, end: 2027-12-31, notice: 1 month}\n"
        set_text(c, uri, 3, text)
        c.barrier(uri)
        assert [d["code"] for d in c.published[uri]] == ["renewal-missing", "renewal-missing"], c.published[uri]
        acts = actions("end: 2026-12-31", text)
        assert [a["title"] for a in acts] == ["Add renewal: none", "Add renewal: tacit", "Add renewal: indefinite"], acts
        text = apply_edit(text, acts[0]["edit"]["changes"][uri][0])
        assert "    end: 2026-12-31\n    renewal: none\n" in text, text
        set_text(c, uri, 4, text)
        c.barrier(uri)
        assert [d["code"] for d in c.published[uri]] == ["renewal-missing"], c.published[uri]
        acts = actions("id: flow", text)
        text = apply_edit(text, acts[2]["edit"]["changes"][uri][0])
        assert "end: 2027-12-31, renewal: indefinite, notice: 1 month}" in text, text
        set_text(c, uri, 5, text)
        c.barrier(uri)
        assert c.published[uri] == [], c.published[uri]
        assert c.close() == 0
    finally:
        c.kill()
    assert snapshot(root) == before, "the server changed a file (a code action is an edit the editor applies)"
    shutil.rmtree(root)


def test_configuration():
    # wijk.yaml's language is the default
    root = make_fixture({"wijk.yaml": FIXTURE["wijk.yaml"] + "language: nl\n"})
    c = server(args=())
    try:
        c.initialize(init_options={"asOf": "2027-02-01"})
        text = FIXTURE["agreements.yaml"].replace("partner: buurtwerk", "partner: buurtwrk")
        uri = c.open(os.path.join(root, "agreements.yaml"), text)
        c.barrier(uri)
        (d,) = c.published[uri]
        assert d["message"] == "geen partner met id 'buurtwrk'\ntip: bedoel je 'buurtwerk'?", d
        line, t = find_line(text, "- id: buurtkamer")
        h = hover_text(c.result("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos(line, t[:-2])}))
        # as of 2027-02-01 the first term has renewed
        assert "Status op 2027-02-01: lopend" in h and "Huidige termijn eindigt op 2027-12-31" in h, h
        assert "Uiterste opzegdatum: 2027-09-30 (opzegtermijn 3 maanden)" in h, h
        acts = c.result("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})
        assert acts[0]["title"] == "Vervang 'buurtwrk' door 'buurtwerk'", acts
        assert c.close() == 0
    finally:
        c.kill()
    # initializationOptions win over wijk.yaml; a wrong value is said and ignored
    c = server()
    try:
        c.initialize(init_options={"language": "en", "asOf": "next tuesday"})
        uri = c.open(os.path.join(root, "agreements.yaml"), FIXTURE["agreements.yaml"].replace("partner: buurtwerk", "partner: x"))
        c.barrier(uri)
        assert c.published[uri][0]["message"] == "no partners with id 'x'", c.published[uri]
        assert any("asOf" in l for l in c.logs), c.logs
        # settings changed while running: Dutch from now on
        c.notify("workspace/didChangeConfiguration", {"settings": {"wijk": {"language": "nl"}}})
        c.barrier(uri)
        assert c.published[uri][0]["message"] == "geen partner met id 'x'", c.published[uri]
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_debounce_coalesces_a_burst_of_edits():
    root = make_fixture()
    c = server()
    try:
        c.initialize()
        uri = c.open(os.path.join(root, "agreements.yaml"))
        c.barrier(uri)
        start = len(c.publishes)
        # twenty keystrokes in one write: typing "-nieuw-west-oost-xy" after the partner id
        line, text = find_line(FIXTURE["agreements.yaml"], "partner: buurtwerk")
        burst = b""
        typed = "-nieuw-west-oost-xyz"[:20]
        for i, ch in enumerate(typed):
            p = pos(line, text + typed[:i])
            burst += c.frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                              "params": {"textDocument": {"uri": uri, "version": 2 + i},
                                         "contentChanges": [{"range": {"start": p, "end": p}, "text": ch}]}})
        c.send_raw(burst)
        final = 1 + len(typed)
        c.wait_for(lambda cl: cl.versions.get(uri) == final, "diagnostics for the last edit")
        mine = [p for p in c.publishes[start:] if p[0] == uri]
        print("     %d keystrokes in one burst: %d publishes" % (len(typed), len(mine)))
        assert len(mine) < len(typed) // 2, "each keystroke was checked on its own: %d publishes" % len(mine)
        assert [d["code"] for d in mine[-1][2]] == ["dangling-ref"] and "'buurtwerk%s'" % typed in mine[-1][2][0]["message"]
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_files_changed_on_disk():
    broken = FIXTURE["partners.yaml"].replace("id: buurtwerk", "id: buurt")
    root = make_fixture({"partners.yaml": broken})
    before = snapshot(root)
    c = server()
    try:
        c.initialize(root=root)
        # the workspace folder is checked before any file is opened: its problems are published
        auri = path_uri(os.path.join(root, "agreements.yaml"))
        dangling = lambda cl: [d["code"] for d in cl.published.get(auri, [])] == ["dangling-ref"]
        c.wait_for(dangling, "the first check of the workspace folder")
        assert snapshot(root) == before, "the server changed a file"
        # another program fixes a file that is not open, and the client says so
        with open(os.path.join(root, "partners.yaml"), "w") as f:
            f.write(FIXTURE["partners.yaml"])
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": path_uri(os.path.join(root, "partners.yaml")), "type": 2}]})
        c.wait_for(lambda cl: cl.published.get(auri) == [], "the fix on disk clears it")
        # a save is a change on disk too
        with open(os.path.join(root, "partners.yaml"), "w") as f:
            f.write(broken)
        c.notify("textDocument/didSave", {"textDocument": {"uri": path_uri(os.path.join(root, "partners.yaml"))}})
        c.wait_for(dangling, "dangling-ref after the save")
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_disk_changes_reach_diagnostics_when_the_client_says_so():
    """An edit reads again only the buffers that changed: files on disk count as they were until
    the client says they changed (didChangeWatchedFiles), and then they do, one by one or, for a
    file created or deleted, by listing the repository again."""
    root = make_fixture()
    c = server()
    try:
        c.initialize(capabilities={"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}})
        auri = c.open(os.path.join(root, "agreements.yaml"))
        c.barrier(auri)
        assert c.published.get(auri) == [], c.published
        codes = lambda: [d["code"] for d in c.published.get(auri, [])]
        # another program renames the partner on disk, and the client does not say so (yet):
        # a keystroke in the agreements does not read the disk
        partners = os.path.join(root, "partners.yaml")
        with open(partners, "w", encoding="utf-8") as f:
            f.write(FIXTURE["partners.yaml"].replace("id: buurtwerk", "id: buurt"))
        line, text = find_line(FIXTURE["agreements.yaml"], "title: Buurtkamer Oost")
        c.change(auri, 2, [{"range": {"start": pos(line, text), "end": pos(line, text)}, "text": "!"}])
        c.barrier(auri)
        assert codes() == [], c.published[auri]
        # the client reports the change: the reference dangles
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": path_uri(partners), "type": 2}]})
        c.wait_for(lambda cl: codes() == ["dangling-ref"], "the renamed partner on disk")
        # a new file that defines the partner: created, it is listed and read
        extra = os.path.join(root, "more", "partners.yaml")
        os.makedirs(os.path.dirname(extra))
        with open(extra, "w", encoding="utf-8") as f:
            f.write("partners:\n  - {id: buurtwerk, name: Buurtwerk, kind: welfare}\n")
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": path_uri(extra), "type": 1}]})
        c.wait_for(lambda cl: codes() == [], "the partner in a new file")
        # deleted again: the reference dangles again
        os.remove(extra)
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": path_uri(extra), "type": 3}]})
        c.wait_for(lambda cl: codes() == ["dangling-ref"], "the new file deleted")
        # with watched files, a save reads the saved file (the others come as events)
        with open(partners, "w", encoding="utf-8") as f:
            f.write(FIXTURE["partners.yaml"])
        puri = c.open(partners)
        c.notify("textDocument/didSave", td(puri))
        c.wait_for(lambda cl: codes() == [], "the partner back on disk")
        assert c.close() == 0
    finally:
        c.kill()
    shutil.rmtree(root)


def test_edits_in_many_buffers_match_validate():
    """Records added, removed and changed in several buffers, wijk.yaml among them: what is
    published is what `wijk validate` says of the same texts saved."""
    root = tempfile.mkdtemp(prefix="wijk-lsp-edits-")
    shutil.copytree(os.path.join(REPO, "examples", "broken"), root, dirs_exist_ok=True)
    before = snapshot(root)
    texts = {}
    for rel in ("wijk.yaml", "partners.yaml", "agreements.yaml", "neighbourhoods.yaml", "yaml/syntax.yaml"):
        with open(os.path.join(root, rel), encoding="utf-8", newline="") as f:
            texts[rel] = f.read()
    c = server()
    try:
        c.initialize()
        uris = {rel: c.open(os.path.join(root, rel), texts[rel]) for rel in texts}
        c.barrier(uris["partners.yaml"])
        version = 1
        steps = [
            # a partner goes: references to it dangle in another file
            ("partners.yaml", lambda t: t.replace("  - id: buurtwerk\n    name: Buurtwerk Oost\n    kind: welfare\n"
                                                  "    neighbourhoods: [oost]\n", "")),
            # two neighbourhoods come, one of them twice
            ("neighbourhoods.yaml", lambda t: t + "  - {id: nieuw, name: Nieuw}\n  - {id: nieuw, name: Nieuw 2}\n"),
            # the broken file is mended: its records count
            ("yaml/syntax.yaml", lambda t: "partners:\n  - {id: hersteld, name: Hersteld, kind: welfare}\n"),
            # the partner comes back, in another place, with another kind
            ("partners.yaml", lambda t: t.replace("partners:\n", "partners:\n  - {id: buurtwerk, name: B, kind: wrong}\n", 1)),
            # an agreement loses a line in the middle: the records after it move
            ("agreements.yaml", lambda t: t.replace("\n", "\n#", 1)),
            # wijk.yaml leaves out the folder of broken files: the repository is read again as a
            # whole, and the references are checked now that every file could be read
            ("wijk.yaml", lambda t: t + "exclude: [yaml]\n"),
        ]
        for rel, edit in steps:
            was, texts[rel] = texts[rel], edit(texts[rel])
            assert texts[rel] != was, "the edit of %s changed nothing" % rel
            version += 1
            set_text(c, uris[rel], version, texts[rel])
            c.barrier(uris[rel])
            saved = tempfile.mkdtemp(prefix="wijk-lsp-saved-")
            shutil.copytree(root, saved, dirs_exist_ok=True)
            for r, t in texts.items():
                with open(os.path.join(saved, r), "w", encoding="utf-8", newline="") as f:
                    f.write(t)
            expected = validate_view(validate_json(saved), saved, "hint")
            got = lsp_view(c, root)
            shutil.rmtree(saved)
            missing, extra = expected - got, got - expected
            assert not missing and not extra, "after %s: validate only: %r\nlsp only: %r" % (
                rel, sorted(missing)[:5], sorted(extra)[:5])
        assert c.close() == 0
    finally:
        c.kill()
    assert snapshot(root) == before, "the server changed a file"
    shutil.rmtree(root)


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_")]


def main():
    chosen = [t for t in TESTS if len(sys.argv) <= 2 or t.__name__ in sys.argv[2:]]
    failed = 0
    for t in chosen:
        start = time.monotonic()
        try:
            t()
            print("ok   %s (%.1f s)" % (t.__name__, time.monotonic() - start))
        except Exception:
            failed += 1
            print("FAIL %s" % t.__name__)
            traceback.print_exc()
    print("%d of %d passed" % (len(chosen) - failed, len(chosen)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
