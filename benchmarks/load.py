"""Load benchmark: the app under gunicorn with production settings against its two floors (not a test).

Run: .venv/bin/python benchmarks/load.py [--sekunder 30] [--anslutningar 20] [--arbetare 3 --tradar 4] [--redis URL]

It creates a PostgreSQL database (`finsam_last`, on DATABASE_URL's server or 127.0.0.1:5432), migrates it,
loads the demo data, starts gunicorn (production settings and gunicorn.conf.py) on 127.0.0.1, logs in every role and
then runs, one after the other in the same run and with the same client:

1. floor 1: a trivial Django view (no session, no database);
2. floor 2: a view that loads the session and the user;
3. the mix: the main pages of every role (förbundschef: start, meeting, intervention, participant list,
   outcome report, accounts; administratör, ledamot, revisor: their start pages), round robin.

For each it prints requests/s, p50/p95/p99 latency and errors, then the ratios.
Target (issue 16): the mix at >= 0.3x floor 2, p95 <= 300 ms, 0 errors.

The mix only reads, so after its first round every page is served as kept (finsam/sidcache.py) until the förbund's
data changes. `--utan-sidcache` builds every page instead: the cost of a page right after a write.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import runpy
import secrets
import statistics
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

ROT = Path(__file__).resolve().parents[1]
PY = str(ROT / ".venv" / "bin" / "python")
LOSENORD = os.environ.get("DEMO_PASSWORD", "finsam-demo")
GUNICORN = runpy.run_path(str(ROT / "gunicorn.conf.py"))  # the production settings the server starts with


def _miljo(db_url: str, redis_url: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "benchmarks.last.installningar",
            "DATABASE_URL": db_url,
            "DJANGO_SECRET_KEY": "bench-" + secrets.token_hex(40),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "PYTHONPATH": str(ROT),
            "FINSAM_TASK_MODE": "eager",
        }
    )
    env.pop("REDIS_URL", None)
    env.pop("FINSAM_CACHE_URL", None)
    if redis_url:  # the cache and the cached sessions in Redis, as a deployment with REDIS_URL runs
        env["REDIS_URL"] = redis_url
        env["FINSAM_CACHE_PREFIX"] = "finsam-bench"
    return env


def _forbered_databas(bas: str, namn: str) -> str:
    delar = urllib.parse.urlsplit(bas)
    admin = urllib.parse.urlunsplit(delar._replace(path="/postgres"))
    subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {namn}"], check=True)
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {namn}"], check=True)
    return urllib.parse.urlunsplit(delar._replace(path=f"/{namn}"))


class Klient:
    """One connection's cookies and CSRF token (cookies kept by hand: the session cookie is Secure)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.kakor: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def _conn(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        return self.conn

    def begar(self, metod: str, sokvag: str, kropp: str | None = None) -> tuple[int, bytes]:
        huvuden = {"Host": "127.0.0.1", "Cookie": "; ".join(f"{k}={v}" for k, v in self.kakor.items())}
        if kropp is not None:
            huvuden["Content-Type"] = "application/x-www-form-urlencoded"
            huvuden["Referer"] = f"http://127.0.0.1:{self.port}{sokvag}"
        for forsok in range(2):
            try:
                c = self._conn()
                c.request(metod, sokvag, body=kropp, headers=huvuden)
                svar = c.getresponse()
                data = svar.read()
                for rad in svar.msg.get_all("Set-Cookie") or []:
                    namn, _, rest = rad.partition("=")
                    self.kakor[namn.strip()] = rest.split(";", 1)[0]
                if svar.getheader("Connection", "").lower() == "close":
                    c.close()
                    self.conn = None
                return svar.status, data
            except (http.client.HTTPException, OSError):
                if self.conn is not None:
                    self.conn.close()
                self.conn = None
                if forsok:
                    raise
        raise RuntimeError("unreachable")

    def logga_in(self, anvandare: str) -> None:
        _, html = self.begar("GET", "/logga-in/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token, "ingen CSRF-token på inloggningssidan"
        kropp = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token.group(1).decode(),
                "username": anvandare,
                "password": LOSENORD,
            }
        )
        status, _ = self.begar("POST", "/logga-in/", kropp)
        assert status == 302, f"inloggning som {anvandare} gav {status}"


def _kor(port: int, sidor: list[tuple[str, str]], anslutningar: int, sekunder: float, inloggade: dict[str, dict[str, str]]) -> dict[str, float]:
    tider: list[float] = []
    fel: list[str] = []
    las = threading.Lock()
    slut = time.monotonic() + sekunder

    def arbetare(nr: int) -> None:
        klienter: dict[str, Klient] = {}
        i = nr
        mina: list[float] = []
        mina_fel: list[str] = []
        while time.monotonic() < slut:
            roll, sokvag = sidor[i % len(sidor)]
            i += 1
            k = klienter.get(roll)
            if k is None:
                k = klienter[roll] = Klient(port)
                k.kakor = dict(inloggade.get(roll, {}))
            t0 = time.perf_counter()
            try:
                status, _ = k.begar("GET", sokvag)
            except OSError as exc:
                mina_fel.append(f"{sokvag}: {exc}")
                continue
            mina.append(time.perf_counter() - t0)
            if status != 200:
                mina_fel.append(f"{sokvag}: HTTP {status}")
        with las:
            tider.extend(mina)
            fel.extend(mina_fel)

    t0 = time.perf_counter()
    tradar = [threading.Thread(target=arbetare, args=(n,)) for n in range(anslutningar)]
    for t in tradar:
        t.start()
    for t in tradar:
        t.join()
    vagg = time.perf_counter() - t0
    tider.sort()

    def pct(p: float) -> float:
        return tider[min(len(tider) - 1, int(p * len(tider)))] * 1000 if tider else float("nan")

    if fel:
        print(f"    fel (de första): {sorted(set(fel))[:5]}")
    return {
        "rps": len(tider) / vagg,
        "p50": pct(0.50),
        "p95": pct(0.95),
        "p99": pct(0.99),
        "fel": float(len(fel)),
        "n": float(len(tider)),
        "medel": statistics.fmean(tider) * 1000 if tider else float("nan"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sekunder", type=float, default=30)
    parser.add_argument("--anslutningar", type=int, default=20)
    parser.add_argument("--arbetare", type=int, default=0, help="worker processes; default: gunicorn.conf.py (production)")
    parser.add_argument("--tradar", type=int, default=0, help="threads per worker (1: sync workers); default: gunicorn.conf.py")
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--databas", default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--redis", default="", help="REDIS_URL for the server (cache and cached sessions); default none: database sessions")
    parser.add_argument(
        "--skrivningar",
        type=float,
        default=0,
        help="writes per second to the demo förbund's data during the mix (each makes its kept pages stale)",
    )
    parser.add_argument("--utan-sidcache", action="store_true", help="build every page (FINSAM_SIDCACHE=false): the pages' own cost")
    parser.add_argument("--namn", default="finsam_last", help="the benchmark database's name (one per person sharing a server)")
    parser.add_argument("--hoppa-over-forberedelse", action="store_true", help="reuse the database from an earlier run (migrated, demo data)")
    args = parser.parse_args()

    if args.hoppa_over_forberedelse:
        env = _miljo(urllib.parse.urlunsplit(urllib.parse.urlsplit(args.databas)._replace(path="/" + args.namn)), args.redis)
    else:
        env = _miljo(_forbered_databas(args.databas, args.namn), args.redis)
        print("== Förbereder: migrate + seed_demo (produktionsinställningar, PostgreSQL)")
        subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROT, env=env, check=True)
        subprocess.run([PY, "manage.py", "seed_demo"], cwd=ROT, env=env, check=True, stdout=subprocess.DEVNULL)
    env["FINSAM_SIDCACHE"] = "false" if args.utan_sidcache else "true"
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROT, env=env, check=True)
    ids = subprocess.run(
        [
            PY,
            "manage.py",
            "shell",
            "-c",
            "from styrelse.models import Sammantrade; from insatser.models import Insats; from finsam.models import Forbund;"
            "f=Forbund.objects.order_by('pk').first();"
            "m=Sammantrade.objects.filter(forbund=f).order_by('-datum').exclude(arenden=None).first();"
            "i=Insats.objects.filter(forbund=f).order_by('pk').first();"
            "print(m.pk, i.pk)",
        ],
        cwd=ROT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    mote, insats = ids[-2], ids[-1]

    gunicorn = subprocess.Popen(
        [
            str(ROT / ".venv" / "bin" / "gunicorn"),
            "finsam.wsgi",
            *(["-w", str(args.arbetare)] if args.arbetare else []),
            *([] if not args.tradar else ["-k", "gthread", "--threads", str(args.tradar)] if args.tradar > 1 else ["-k", "sync"]),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", args.port, timeout=1).request("GET", "/bench/tom/")
                break
            except OSError:
                time.sleep(0.2)
        inloggade: dict[str, dict[str, str]] = {}
        for roll in ("chef", "administrator", "ledamot", "revisor"):
            k = Klient(args.port)
            k.logga_in(roll)
            inloggade[roll] = k.kakor
        ar = "2019"
        mix = [
            ("chef", "/"),
            ("chef", f"/styrelse/moten/{mote}/"),
            ("chef", f"/insatser/{insats}/"),
            ("chef", "/uppfoljning/"),
            ("chef", f"/uppfoljning/utfall/?ar={ar}"),
            ("chef", f"/ekonomi/rakenskaper/?ar={ar}"),
            ("administrator", "/"),
            ("ledamot", "/"),
            ("revisor", "/"),
        ]
        # Every page answers 200 before the clock starts.
        for roll, sokvag in mix:
            k = Klient(args.port)
            k.kakor = dict(inloggade[roll])
            status, _ = k.begar("GET", sokvag)
            assert status == 200, f"{roll} {sokvag} gav {status}"
        arbetare = args.arbetare or GUNICORN["workers"]
        tradar = args.tradar or GUNICORN["threads"]
        print(
            f"== {args.anslutningar} anslutningar i {args.sekunder:.0f} s per körning, gunicorn {arbetare} "
            f"{f'gthread-arbetare à {tradar} trådar' if tradar > 1 else 'sync-arbetare'}, "
            f"{'cache och sessioner i Redis' if args.redis else 'sessioner i databasen'}, "
            f"{'varje sida byggs (utan sidcache)' if args.utan_sidcache else 'sidor hålls tills data ändras'}; last {os.getloadavg()[0]:.1f}"
        )
        res = {}
        skrivna = [0]
        stopp = threading.Event()

        def skrivare() -> None:
            """A write to the förbund's data every 1/--skrivningar s, straight in the database (as any write: the
            triggers move the data version), so the mix measures pages built again after writes."""
            import psycopg  # the benchmark's own dependency on the server's driver

            with psycopg.connect(env["DATABASE_URL"].replace("postgres://", "postgresql://"), autocommit=True) as db:
                while not stopp.wait(1 / args.skrivningar):
                    db.execute("UPDATE styrelse_sammantrade SET detaljer = %s WHERE id = %s", [f"Skrivning {skrivna[0]}", int(mote)])
                    skrivna[0] += 1

        for namn, sidor in (
            ("golv 1: tom vy", [("anon", "/bench/tom/")]),
            ("golv 2: session och användare", [("chef", "/bench/session/")]),
            ("blandning: rollernas sidor", mix),
        ):
            trad = threading.Thread(target=skrivare) if args.skrivningar and namn.startswith("blandning") else None
            if trad is not None:
                trad.start()
            r = _kor(args.port, sidor, args.anslutningar, args.sekunder, inloggade)
            if trad is not None:
                stopp.set()
                trad.join()
                print(f"    {skrivna[0]} skrivningar under blandningen ({args.skrivningar:g}/s)")
            res[namn] = r
            print(
                f"{namn:32s} {r['rps']:8.1f} req/s  p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms"
                f"  p99 {r['p99']:7.1f} ms  fel {r['fel']:.0f} av {r['n'] + r['fel']:.0f}"
            )
        g1, g2, m = (res[k] for k in res)
        print(f"Kvot blandning / golv 1: {m['rps'] / g1['rps']:.3f}x")
        print(f"Kvot blandning / golv 2: {m['rps'] / g2['rps']:.3f}x   (mål >= 0.3x)")
        print(f"p95 blandning: {m['p95']:.0f} ms   (mål <= 300 ms);  fel: {m['fel']:.0f}   (mål 0)")
        ok = m["rps"] / g2["rps"] >= 0.3 and m["p95"] <= 300 and m["fel"] == 0
        print("MÅLET NÅTT" if ok else "MÅLET INTE NÅTT")
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(30)
        except subprocess.TimeoutExpired:
            gunicorn.kill()


if __name__ == "__main__":
    main()
