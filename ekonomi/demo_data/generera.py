"""Generates the demo's SIE type 4 file for 2019 (Samordningsförbundet Skellefteå-Norsjö, plausible figures).

Run: python -m ekonomi.demo_data.generera > ekonomi/demo_data/skelleftea-norsjo-2019.se
Also used by benchmarks/ekonomi_sie.py to build large files. Writes CP437 as #FORMAT PC8 prescribes.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

KONTON = {
    1511: "Fordran Skellefteå kommun",
    1512: "Fordran Norsjö kommun",
    1513: "Fordran Region Västerbotten",
    1640: "Momsfordran",
    1790: "Övriga fordringar",
    1930: "Bank",
    2010: "Eget kapital",
    2440: "Leverantörsskulder",
    2710: "Personalskatt",
    2910: "Upplupna kostnader och förutbetalda intäkter",
    3010: "Driftbidrag från staten",
    3020: "Driftbidrag från Region Västerbotten",
    3030: "Driftbidrag från Skellefteå kommun",
    3040: "Driftbidrag från Norsjö kommun",
    3910: "Övriga intäkter",
    4010: "Uppdragsersättning förbundschef",
    4510: "Insats Arbetsmarknadstorget",
    4515: "Insats MySam",
    4520: "Insats NAFS",
    4530: "Kompetensutveckling i samverkan",
    5010: "Lokalhyra",
    5810: "Resor och logi",
    6110: "Kontor, IT och telefoni",
    6410: "Arvoden styrelsen",
    6980: "Medlemsavgift NNS",
    6990: "Sammanträdeskostnader",
    8310: "Ränteintäkter",
}
IB = {
    1511: Decimal(0),
    1512: Decimal("60000"),
    1513: Decimal(0),
    1640: Decimal("45000"),
    1790: Decimal("15000"),
    1930: Decimal("1650000"),
    2010: Decimal("-1590000"),
    2440: Decimal("-120000"),
    2710: Decimal("-20000"),
    2910: Decimal("-40000"),
}
# 2018 for the comparison column: IB 2018, result 2018 (UB 2018 = IB 2019)
IB_2018 = {
    1512: Decimal("50000"),
    1640: Decimal("70000"),
    1790: Decimal("30000"),
    1930: Decimal("1400000"),
    2010: Decimal("-1390000"),
    2440: Decimal("-110000"),
    2710: Decimal("-20000"),
    2910: Decimal("-30000"),
}
RES_2018 = {
    3010: Decimal("-2815000"),
    3020: Decimal("-1407500"),
    3030: Decimal("-1339027"),
    3040: Decimal("-68473"),
    3910: Decimal("-20000"),
    4010: Decimal("930000"),
    4510: Decimal("1719000"),
    4515: Decimal("1000000"),
    4520: Decimal("1250000"),
    4530: Decimal("210000"),
    5010: Decimal("96000"),
    5810: Decimal("61000"),
    6110: Decimal("48000"),
    6410: Decimal("118000"),
    6980: Decimal("11000"),
    6990: Decimal("9000"),
    8310: Decimal("-2000"),
}
BIDRAG_2019 = {3010: Decimal("2800000"), 3020: Decimal("1400000"), 3030: Decimal("1331605"), 3040: Decimal("68395")}
FORDRAN = {3030: 1511, 3040: 1512, 3020: 1513}


def _q(s: str) -> str:
    return '"' + s.replace('"', '\\"') + '"'


def vouchers(ar: int, skala: int = 1, seed: int = 2019) -> list[tuple[str, dt.date, str, list[tuple[int, Decimal]]]]:
    """The year's vouchers: contributions invoiced and paid per quarter, monthly costs, a few accruals."""
    rnd = random.Random(seed)  # noqa: S311 - reproducible demo figures, not security
    ver: list[tuple[str, dt.date, str, list[tuple[int, Decimal]]]] = []
    for q in range(4):
        d = dt.date(ar, 1 + 3 * q, 15)
        for konto, helar in BIDRAG_2019.items():
            del_ = (helar // 4) if q < 3 else helar - 3 * (helar // 4)
            namn = KONTON[konto].replace("Driftbidrag från ", "")
            if konto in FORDRAN:
                ver.append(("A", d, f"Faktura medlemsbidrag kv {q + 1} {namn}", [(FORDRAN[konto], del_), (konto, -del_)]))
                betald = d + dt.timedelta(days=30)
                if not (q == 3 and konto == 3040):  # Norsjö pays its last quarter in January
                    ver.append(("B", betald, f"Inbetalning medlemsbidrag kv {q + 1} {namn}", [(1930, del_), (FORDRAN[konto], -del_)]))
            else:
                ver.append(("B", d, f"Driftbidrag kv {q + 1} Försäkringskassan", [(1930, del_), (konto, -del_)]))
    ver.append(("B", dt.date(ar, 1, 20), "Inbetalning Norsjö kommun kv 4 föregående år", [(1930, Decimal("60000")), (1512, Decimal("-60000"))]))
    ver.append(("B", dt.date(ar, 1, 25), "Betalda leverantörsskulder från föregående år", [(2440, Decimal("120000")), (1930, Decimal("-120000"))]))
    ver.append(("B", dt.date(ar, 2, 10), "Momsåterbetalning", [(1930, Decimal("45000")), (1640, Decimal("-45000"))]))
    ver.append(
        ("B", dt.date(ar, 6, 12), "Umeå och Lycksele Samordningsförbund, gemensam konferens", [(1930, Decimal("18500")), (3910, Decimal("-18500"))])
    )
    manadskostnad = [(4010, 78500), (5010, 8200), (6110, 4100), (6410, 9800), (5810, 5400), (6990, 800)]
    for m in range(1, 13):
        for _ in range(skala):
            for konto, belopp in manadskostnad:
                b = Decimal(belopp + rnd.randint(-300, 300)) if konto != 4010 else Decimal(belopp)
                ver.append(("C", dt.date(ar, m, 25), f"{KONTON[konto]} {m:02d}/{ar}", [(konto, b), (1930, -b)]))
    insatser = [(4510, Decimal("1900000")), (4515, Decimal("1000000")), (4520, Decimal("1380000")), (4530, Decimal("185000"))]
    for konto, helar in insatser:
        for q in range(4):
            del_ = (helar // 4) if q < 3 else helar - 3 * (helar // 4)
            ver.append(("C", dt.date(ar, 3 + 3 * q, 28), f"{KONTON[konto]} kv {q + 1}", [(konto, del_), (1930, -del_)]))
    ver.append(("C", dt.date(ar, 3, 1), "Medlemsavgift NNS 2019", [(6980, Decimal("11000")), (1930, Decimal("-11000"))]))
    ver.append(("B", dt.date(ar, 12, 31), "Ränta bankkonto", [(1930, Decimal("1250")), (8310, Decimal("-1250"))]))
    ver.append(
        (
            "D",
            dt.date(ar, 12, 31),
            "Upplupna kostnader december (arvoden, resor)",
            [(6410, Decimal("14000")), (5810, Decimal("3500")), (2910, Decimal("-17500"))],
        )
    )
    ver.append(("D", dt.date(ar, 12, 31), "Återföring upplupna kostnader föregående år", [(2910, Decimal("40000")), (6410, Decimal("-40000"))]))
    ver.append(("D", dt.date(ar, 12, 31), "Leverantörsskulder vid årets slut", [(4530, Decimal("95000")), (2440, Decimal("-95000"))]))
    ver.append(("D", dt.date(ar, 12, 31), "Ingående moms på insatsfakturor", [(1640, Decimal("38000")), (4510, Decimal("-38000"))]))
    return ver


def sie_text(ar: int = 2019, skala: int = 1) -> str:
    ver = vouchers(ar, skala)
    ub = dict(IB)
    res: dict[int, Decimal] = {}
    for _, _, _, poster in ver:
        for konto, belopp in poster:
            if konto < 3000:
                ub[konto] = ub.get(konto, Decimal(0)) + belopp
            else:
                res[konto] = res.get(konto, Decimal(0)) + belopp
    # The 2018 result was carried to equity: UB 2018 = IB 2019.
    assert IB_2018[2010] + sum(RES_2018.values()) == IB[2010], "2018 result must carry to the 2019 opening equity"
    rader = [
        "#FLAGGA 0",
        '#PROGRAM "Raindance" "2019.2"',
        "#FORMAT PC8",
        f"#GEN {ar + 1}0214",
        "#SIETYP 4",
        '#FNAMN "Samordningsförbundet Skellefteå-Norsjö"',
        "#ORGNR 222000-2121",
        f"#RAR 0 {ar}0101 {ar}1231",
        f"#RAR -1 {ar - 1}0101 {ar - 1}1231",
        "#KPTYP BAS2014",
    ]
    rader += [f"#KONTO {k} {_q(n)}" for k, n in sorted(KONTON.items())]
    for k in sorted(set(IB_2018) | set(IB)):
        if k < 3000:
            rader.append(f"#IB -1 {k} {IB_2018.get(k, Decimal(0)):.2f}")
            rader.append(f"#UB -1 {k} {IB.get(k, Decimal(0)):.2f}")
    for k, v in sorted(RES_2018.items()):
        rader.append(f"#RES -1 {k} {v:.2f}")
    for k in sorted(set(ub) | set(IB)):
        rader.append(f"#IB 0 {k} {IB.get(k, Decimal(0)):.2f}")
        rader.append(f"#UB 0 {k} {ub.get(k, Decimal(0)):.2f}")
    for k, v in sorted(res.items()):
        rader.append(f"#RES 0 {k} {v:.2f}")
    nummer: dict[str, int] = {}
    for serie, datum, text, trans in sorted(ver, key=lambda v: (v[1], v[0])):
        nummer[serie] = nummer.get(serie, 0) + 1
        rader.append(f"#VER {serie} {nummer[serie]} {datum:%Y%m%d} {_q(text)} {datum:%Y%m%d}")
        rader.append("{")
        rader += [f"   #TRANS {k} {{}} {b:.2f} {datum:%Y%m%d} {_q(text)}" for k, b in trans]
        rader.append("}")
    return "\r\n".join(rader) + "\r\n"


def sie_bytes(ar: int = 2019, skala: int = 1) -> bytes:
    return sie_text(ar, skala).encode("cp437")


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(sie_bytes())
