#!/usr/bin/env python3
"""A new user's first minutes with the demo, from outside, on whichever server serves it (no JavaScript):
log in as demo/demo, send the application form with a résumé and a bad email, see the file kept ("Currently:"),
send it again with a good email, see "Received cv.pdf (<size> bytes, SHA-256 <hex>)".

Usage: check-demo.py http://localhost:8080/   (exit status 0 when the story holds)
"""
import hashlib, html, http.cookiejar, re, sys, urllib.parse, urllib.request, uuid

base = sys.argv[1].rstrip("/") + "/"
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(path, data=None, headers=None):
    request = urllib.request.Request(urllib.parse.urljoin(base, path), data=data, headers=headers or {})
    with opener.open(request, timeout=60) as answer:
        return answer.geturl(), answer.read().decode("utf-8")


def form_fields(page, form_id):
    form = re.search(r'<form[^>]*id="%s"[^>]*>(.*?)</form>' % re.escape(form_id), page, re.S)
    assert form, "no form %s in: %s" % (form_id, page[:2000])
    action = html.unescape(re.search(r'<form[^>]*id="%s"[^>]*action="([^"]*)"' % re.escape(form_id), page).group(1))
    fields = []
    for tag in re.findall(r"<input\b[^>]*>", form.group(1)):
        attrs = dict((k, html.unescape(v)) for k, v in re.findall(r'([\w:-]+)="([^"]*)"', tag))
        fields.append(attrs)
    return action, fields


def multipart(parts):
    boundary = "----check-demo-" + uuid.uuid4().hex
    body = b""
    for name, value, filename in parts:
        body += b"--" + boundary.encode() + b"\r\n"
        if filename is None:
            body += b'Content-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (name.encode(), value.encode())
        else:
            body += (b'Content-Disposition: form-data; name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                     % (name.encode(), filename.encode(), b"application/pdf" if filename else b"application/octet-stream"))
            body += value + b"\r\n"
    body += b"--" + boundary.encode() + b"--\r\n"
    return body, "multipart/form-data; boundary=" + boundary


def send(page, values, files):
    action, fields = form_fields(page, "apply")
    parts = []
    for field in fields:
        name, kind = field.get("name"), field.get("type", "text")
        if not name or kind in ("submit", "checkbox"):
            continue
        if kind == "file":
            parts.append((name, files.get(name, b""), "cv.pdf" if name in files else ""))
        else:
            parts.append((name, values.get(name, field.get("value", "")), None))
    parts.append(("apply:send", "Apply", None))
    body, content_type = multipart(parts)
    return fetch(action, body, {"Content-Type": content_type})[1]


url, page = fetch("")
assert "Demo users" in page, "the login page: " + page[:500]
url, page = fetch("j_security_check", urllib.parse.urlencode({"j_username": "demo", "j_password": "demo"}).encode(),
                  {"Content-Type": "application/x-www-form-urlencoded"})
url, page = fetch("apply.xhtml")
assert 'id="apply"' in page, "the application form after login: " + page[:1000]
pdf = b"%PDF-1.7\n% a demo check\n" + b"x" * 20_000 + b"\n%%EOF\n"
file_field = [f["name"] for f in form_fields(page, "apply")[1] if f.get("type") == "file"][0]
page = send(page, {"apply:name": "Ann", "apply:email": "not an email"}, {file_field: pdf})
assert "Currently" in page and "cv.pdf" in page, "the file did not stick after a failed submit: " + page[:3000]
page = send(page, {"apply:name": "Ann", "apply:email": "ann@example.com"}, {})
expected = "Received cv.pdf (%d bytes, SHA-256 %s)" % (len(pdf), hashlib.sha256(pdf).hexdigest())
assert expected in html.unescape(page), "no '%s' in: %s" % (expected, page[:3000])
print("The demo at %s: logged in, the file stuck after a failed submit, then %s" % (base, expected))
