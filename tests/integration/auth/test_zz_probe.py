from tests.helpers import signup, PASSWORD

async def test_probe(client, new_client):
    async def show(label, r):
        print("PROBE", label, r.status_code, r.text[:300])
    url = "/api/v1/auth/signup"
    await show("surrogate", await client.post(url, content=b'{"email": "a@b.org", "password": "Sc3ne-Ouverte!", "org_name": "x\\ud800"}', headers={"content-type": "application/json"}))
    await show("surrogate login", await client.post("/api/v1/auth/login", content=b'{"email": "a\\ud800@b.org", "password": "x"}', headers={"content-type": "application/json"}))
    o = await signup(client)
    c2 = new_client()
    r = await c2.post("/api/v1/auth/login", json={"email": o.email, "password": PASSWORD})
    acc = r.cookies.get("cc_access")
    await show("goodcookie", await c2.get("/api/v1/auth/me", headers={"cookie": f"cc_access={acc}"}))
    await show("junk before", await c2.get("/api/v1/auth/me", headers={"cookie": f'foo={{"a":1}}; cc_access={acc}'}))
    await show("junk before2", await c2.get("/api/v1/auth/me", headers={"cookie": f'a="x; cc_access={acc}'}))
    await show("junk before3", await c2.get("/api/v1/auth/me", headers={"cookie": f'x=a b; cc_access={acc}'}))
    await show("junk before4", await c2.get("/api/v1/auth/me", headers={"cookie": f'x=[a]; cc_access={acc}'}))
    print("PROBE cookies", dict(r.cookies), r.headers.get_list("set-cookie"))
