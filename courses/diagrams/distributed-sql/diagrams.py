#!/usr/bin/env python3
"""Draws the diagrams of the course "Inside a distributed SQL database" as SVG, one file per
diagram and language, into the folder given as the first argument (render.sh turns them into the
PNGs the lessons show). Each diagram is a function of a label table, so the English and Chinese
versions share one drawing and differ only in their words."""
import os
import sys
from xml.sax.saxutils import escape

W = 720
# The lesson column is narrower than a figure (about 620 of its 720 px): no label is drawn smaller than this,
# so that none ends up below about 11 px on the learner's screen.
MIN_TEXT = 13
FONT = "DejaVu Sans, WenQuanYi Micro Hei, sans-serif"
MONO = "DejaVu Sans Mono, WenQuanYi Micro Hei Mono, monospace"
INK, MUTED, LINE = "#1f2933", "#52606d", "#9aa5b1"
BLUE = ("#dbeafe", "#2563eb")
PURPLE = ("#ede9fe", "#7c3aed")
GREEN = ("#dcfce7", "#15803d")
ORANGE = ("#ffedd5", "#c2410c")
GREY = ("#f1f5f9", "#64748b")
RED = ("#fee2e2", "#b91c1c")


class Svg:
    def __init__(self, height):
        self.h = height
        self.parts = []

    def box(self, x, y, w, h, colours, rx=8, dash=False, width=1.6):
        fill, stroke = colours
        d = ' stroke-dasharray="6 4"' if dash else ""
        self.parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}" '
                          f'stroke="{stroke}" stroke-width="{width}"{d}/>')

    def text(self, x, y, s, size=14, anchor="middle", colour=INK, bold=False, mono=False):
        weight = ' font-weight="bold"' if bold else ""
        family = MONO if mono else FONT
        size = max(size, MIN_TEXT)
        self.parts.append(f'<text x="{x}" y="{y}" font-family="{family}" font-size="{size}" '
                          f'text-anchor="{anchor}" fill="{colour}"{weight}>{escape(s)}</text>')

    def labelled(self, x, y, w, h, colours, lines, size=14, bold_first=True, mono=False):
        self.box(x, y, w, h, colours)
        top = y + h / 2 - (len(lines) - 1) * (size + 4) / 2 + size * 0.35
        for i, s in enumerate(lines):
            self.text(x + w / 2, top + i * (size + 4), s, size, bold=bold_first and i == 0, mono=mono and i > 0)

    def arrow(self, x1, y1, x2, y2, colour=MUTED, width=1.8, dash=False, both=False):
        d = ' stroke-dasharray="5 4"' if dash else ""
        start = ' marker-start="url(#tail)"' if both else ""
        self.parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" '
                          f'stroke-width="{width}"{d} marker-end="url(#head)"{start}/>')

    def line(self, x1, y1, x2, y2, colour=LINE, width=1.4, dash=False):
        d = ' stroke-dasharray="4 4"' if dash else ""
        self.parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="{width}"{d}/>')

    def circle(self, x, y, r, colours):
        self.parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colours[0]}" stroke="{colours[1]}" stroke-width="1.6"/>')

    def svg(self):
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{self.h}" viewBox="0 0 {W} {self.h}">'
                '<defs><marker id="head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
                'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker>'
                '<marker id="tail" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
                'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>'
                f'<rect x="0.5" y="0.5" width="{W - 1}" height="{self.h - 1}" rx="10" fill="#ffffff" stroke="#d9e2ec"/>')
        return head + "".join(self.parts) + "</svg>\n"


def architecture(t):
    s = Svg(420)
    for i in range(3):
        s.labelled(70 + i * 130, 18, 110, 34, GREY, [t["app"]], 13, bold_first=False)
    s.labelled(70, 76, 370, 30, GREY, [t["lb"]], 13, bold_first=False)
    for i in range(3):
        s.arrow(125 + i * 130, 52, 125 + i * 130, 74)
    s.box(20, 126, 470, 92, BLUE, dash=True, width=1.2)
    s.text(30, 144, t["sql_layer"], 13, anchor="start", colour=BLUE[1], bold=True)
    for i in range(3):
        s.arrow(125 + i * 130, 106, 125 + i * 130, 156)
        s.labelled(70 + i * 130, 156, 110, 48, BLUE, [t["sql"], t["stateless"]], 13)
    s.box(515, 126, 185, 124, PURPLE, dash=True, width=1.2)
    s.text(607, 146, t["pd"], 14, colour=PURPLE[1], bold=True)
    for i, lead in enumerate([True, False, False]):
        s.circle(560 + i * 48, 172, 15, PURPLE if not lead else ("#c4b5fd", PURPLE[1]))
        s.text(560 + i * 48, 177, "L" if lead else "F", 12, bold=lead)
    for i, key in enumerate(["pd1", "pd2", "pd3"]):
        s.text(607, 206 + i * 17, t[key], 12, colour=INK)
    s.arrow(492, 176, 512, 176, colour=PURPLE[1], both=True)
    s.text(607, 118, t["ask_pd"], 12, colour=PURPLE[1])
    s.box(20, 262, 680, 142, GREEN, dash=True, width=1.2)
    s.text(30, 280, t["storage"], 13, anchor="start", colour=GREEN[1], bold=True)
    # four regions, three replicas each: store i holds every region but R(i+1); R(k) leads on store k mod 4
    for i in range(4):
        x = 34 + i * 128
        s.box(x, 292, 114, 98, GREEN)
        s.text(x + 57, 312, f'{t["kv"]} {i + 1}', 13, bold=True)
        held = [r for r in range(1, 5) if r != i + 1]
        for j, r in enumerate(held):
            leader = r % 4 == i
            s.box(x + 10 + j * 33, 326, 28, 28, ("#86efac" if leader else "#ffffff", GREEN[1]), rx=4, width=2.4 if leader else 1.6)
            s.text(x + 24 + j * 33, 345, f"R{r}", 11, bold=leader)
        s.text(x + 57, 376, t["regions"], 11.5, colour=MUTED)
    s.box(552, 292, 134, 98, ORANGE)
    s.text(619, 312, t["col"], 13, bold=True)
    for j in range(4):
        s.box(566 + j * 27, 326, 20, 36, ("#ffffff", ORANGE[1]), rx=3)
    s.text(619, 378, t["learners"], 11.5, colour=MUTED)
    for i, target in enumerate([130, 250, 470]):
        s.arrow(125 + i * 130, 204, target, 290, colour=GREEN[1])
    s.text(266, 246, t["kv_rw"], 12, colour=GREEN[1], anchor="start")
    s.arrow(688, 288, 688, 252, colour=PURPLE[1])
    s.text(680, 280, t["heartbeats"], 11.5, anchor="end", colour=PURPLE[1])
    return s


def tso(t):
    s = Svg(340)
    s.text(W / 2, 30, t["title"], 15, bold=True)
    x0, x1, split = 40, 680, 40 + 640 * 46 / 64
    s.box(x0, 48, split - x0, 52, BLUE, rx=4)
    s.box(split, 48, x1 - split, 52, ORANGE, rx=4)
    s.text((x0 + split) / 2, 72, t["physical"], 14, bold=True)
    s.text((x0 + split) / 2, 90, t["physical_sub"], 12, colour=MUTED)
    s.text((split + x1) / 2, 72, t["logical"], 14, bold=True)
    s.text((split + x1) / 2, 90, t["logical_sub"], 12, colour=MUTED)
    s.text(x0, 118, "63", 11, anchor="start", colour=MUTED)
    s.text(split - 4, 118, "18", 11, anchor="end", colour=MUTED)
    s.text(split + 4, 118, "17", 11, anchor="start", colour=MUTED)
    s.text(x1, 118, "0", 11, anchor="end", colour=MUTED)
    s.text(x0, 148, "ts = 449891323085062145", 13.5, anchor="start", mono=True)
    s.text(x0, 170, "FLOOR(ts / 262144) = 1716199200001  " + t["ms"], 13.5, anchor="start", mono=True)
    s.text(x0, 192, "MOD(ts, 262144)    = 1", 13.5, anchor="start", mono=True)
    s.line(20, 212, 700, 212, dash=True)
    s.text(x0, 236, t["batch_title"], 14, anchor="start", bold=True)
    for i in range(3):
        s.labelled(40, 248 + i * 24, 92, 20, GREY, [f'{t["txn"]} {i + 1}'], 11.5, bold_first=False)
        s.arrow(132, 258 + i * 24, 196, 282)
    s.labelled(198, 258, 130, 48, BLUE, [t["sql"], t["collects"]], 12.5)
    s.arrow(330, 274, 468, 274, colour=PURPLE[1])
    s.text(399, 266, t["ask3"], 12, colour=PURPLE[1])
    s.arrow(468, 292, 330, 292, colour=PURPLE[1])
    s.text(399, 318, t["reply"], 12, colour=PURPLE[1])
    s.labelled(470, 258, 210, 48, PURPLE, [t["tso"], t["tso_sub"]], 12.5)
    return s


def keys(t):
    s = Svg(356)
    s.text(20, 28, t["row_title"], 14, anchor="start", bold=True)
    cols = [("id", "7", 50), ("name", "Bo Okafor", 120), ("email", "c7@example.com", 150), ("city", "Porto", 80)]
    x = 20
    for name, val, w in cols:
        s.box(x, 40, w, 26, GREY, rx=0)
        s.text(x + w / 2, 58, name, 13, bold=True, mono=True)
        s.box(x, 66, w, 28, ("#ffffff", GREY[1]), rx=0)
        s.text(x + w / 2, 85, val, 13, mono=True)
        x += w
    s.text(428, 58, t["table_id"], 12.5, anchor="start", colour=MUTED)
    s.text(428, 78, t["index_ids"], 12.5, anchor="start", colour=MUTED)
    s.text(428, 96, t["index_ids2"], 12.5, anchor="start", colour=MUTED)
    s.text(250, 128, t["key"], 13, bold=True, colour=MUTED)
    s.text(575, 128, t["value"], 13, bold=True, colour=MUTED)
    rows = [(t["record"], "t61_r0000000007", "(Bo Okafor, c7@…, Porto)", BLUE),
            (t["idx_city"], "t61_i1_Porto_0000000007", t["empty"], GREEN),
            (t["uk_email"], "t61_i2_c7@example.com", "7", ORANGE)]
    for i, (label, key, val, colours) in enumerate(rows):
        y = 142 + i * 62
        s.text(20, y + 14, label, 12.5, anchor="start", colour=colours[1], bold=True)
        s.box(20, y + 22, 420, 30, colours, rx=5)
        s.text(230, y + 42, key, 13.5, mono=True)
        s.arrow(442, y + 37, 474, y + 37)
        s.box(476, y + 22, 224, 30, ("#ffffff", colours[1]), rx=5)
        s.text(588, y + 42, val, 13, mono=True)
    s.text(W / 2, 342, t["note"], 12.5, colour=MUTED)
    return s


def raft(t):
    s = Svg(360)
    s.labelled(20, 30, 120, 44, GREY, [t["client"], t["write"]], 13)
    s.arrow(140, 52, 236, 52)

    def log(x, y, n, new):
        for i in range(n):
            fresh = new and i == n - 1
            s.box(x + i * 34, y, 30, 26, ("#fde68a" if fresh else "#ffffff", "#b45309" if fresh else GREEN[1]), rx=3)
            s.text(x + 15 + i * 34, y + 18, str(i + 1), 12, bold=fresh)

    s.box(238, 20, 250, 104, ("#bbf7d0", GREEN[1]), width=2.2)
    s.text(363, 42, t["leader"], 14, bold=True)
    s.text(363, 60, "kv-1 · z1", 12, colour=MUTED, mono=True)
    log(280, 76, 5, True)
    s.text(363, 118, t["log"], 11.5, colour=MUTED)
    for i, (name, got) in enumerate([("kv-3 · z2", True), ("kv-5 · z3", False)]):
        x = 60 + i * 360
        y = 206
        s.box(x, y, 250, 96, GREEN)
        s.text(x + 125, y + 22, t["follower"], 14, bold=True)
        s.text(x + 125, y + 40, name, 12, colour=MUTED, mono=True)
        log(x + 42, y + 52, 5 if got else 4, got)
        if not got:
            s.box(x + 42 + 4 * 34, y + 52, 30, 26, ("#ffffff", LINE), rx=3, dash=True)
    s.arrow(300, 126, 200, 202, colour=GREEN[1], width=2)
    s.arrow(428, 126, 528, 202, colour=GREEN[1], width=2)
    s.text(150, 158, t["step2"], 12.5, colour=GREEN[1], anchor="start")
    s.text(560, 158, t["step2"], 12.5, colour=GREEN[1], anchor="end")
    s.arrow(228, 204, 330, 128, colour="#b45309", dash=True)
    s.text(262, 188, t["ack"], 12.5, colour="#b45309", anchor="start")
    s.text(500, 42, t["step1"], 12.5, anchor="start", colour="#b45309")
    s.text(500, 62, t["step3a"], 12.5, anchor="start", colour=INK, bold=True)
    s.text(500, 80, t["step3b"], 12.5, anchor="start", colour=INK)
    s.text(W / 2, 334, t["note"], 12.5, colour=MUTED)
    s.text(W / 2, 352, t["note2"], 12.5, colour=MUTED)
    return s


def mvcc(t):
    s = Svg(300)
    s.text(20, 28, t["title"], 14, anchor="start", bold=True)
    x0, x1, lo, hi = 50, 690, 95, 145

    def X(ts):
        return x0 + (ts - lo) * (x1 - x0) / (hi - lo)

    y = 150
    s.arrow(x0 - 10, y, x1 + 12, y, colour=INK, width=1.6)
    s.text(x1 + 10, y - 12, t["time"], 12, anchor="end", colour=MUTED)
    for ts in range(100, 141, 10):
        s.line(X(ts), y - 4, X(ts), y + 4, colour=INK)
        s.text(X(ts), y + 20, str(ts), 11.5, colour=MUTED)
    versions = [(102, "500"), (114, "450"), (135, "300")]
    for ts, val in versions:
        s.box(X(ts) - 46, y - 66, 92, 44, GREEN)
        s.text(X(ts), y - 48, f"commit {ts}", 12, mono=True)
        s.text(X(ts), y - 30, f"= {val}", 13, bold=True, mono=True)
        s.line(X(ts), y - 22, X(ts), y, colour=GREEN[1], width=2)
    readers = [(110, 102, "500"), (120, 114, "450"), (140, 135, "300")]
    for i, (rt, seen, val) in enumerate(readers):
        s.line(X(rt), y + 28, X(rt), y + 70, colour=BLUE[1], width=1.6, dash=True)
        s.box(X(rt) - 62, y + 70, 124, 46, BLUE)
        s.text(X(rt), y + 89, f'{t["reader"]} @{rt}', 12.5, bold=True)
        s.text(X(rt), y + 107, f'{t["sees"]} {val}', 12.5)
        s.arrow(X(rt) - 4, y + 36, X(seen) + 6, y + 10, colour=BLUE[1], width=1.4)
    s.text(W / 2, 292, t["note"], 12.5, colour=MUTED)
    return s


def twopc(t):
    s = Svg(430)
    lanes = [(t["sqlserver"], BLUE), (t["tso"], PURPLE), (t["primary"], GREEN), (t["secondary"], GREEN)]
    xs = [95, 265, 435, 605]
    for (name, colours), x in zip(lanes, xs):
        s.labelled(x - 75, 14, 150, 40, colours, name.split("\n"), 12.5)
        s.line(x, 54, x, 390, colour=LINE, dash=True)
    y = 78

    def msg(a, b, yy, label, colour=MUTED, dash=False):
        s.arrow(xs[a], yy, xs[b], yy, colour=colour, dash=dash)
        s.text((xs[a] + xs[b]) / 2, yy - 6, label, 12, colour=colour)

    msg(0, 1, y, t["get_start"])
    s.box(14, y + 22, 692, 112, ("#fefce8", "#ca8a04"), rx=6, dash=True, width=1.2)
    s.text(24, y + 40, t["phase1"], 13, anchor="start", bold=True, colour="#a16207")
    msg(0, 2, y + 66, t["prewrite_p"], colour=GREEN[1])
    msg(0, 3, y + 104, t["prewrite_s"], colour=GREEN[1])
    msg(0, 1, y + 160, t["get_commit"], colour=PURPLE[1])
    s.box(14, y + 180, 692, 124, ("#f0fdf4", GREEN[1]), rx=6, dash=True, width=1.2)
    s.text(24, y + 198, t["phase2"], 13, anchor="start", bold=True, colour=GREEN[1])
    msg(0, 2, y + 226, t["commit_p"], colour=GREEN[1])
    s.box(xs[2] - 70, y + 234, 140, 26, ("#fde68a", "#b45309"), rx=13)
    s.text(xs[2], y + 252, t["commit_point"], 12.5, bold=True)
    msg(0, 3, y + 290, t["commit_s"], colour=GREEN[1], dash=True)
    s.text(W / 2, y + 336, t["note"], 12.5, colour=MUTED)
    return s


def htap(t):
    s = Svg(360)
    cols = ["id", "date", "region", "qty", "amount"]
    rows = [["1", "01-03", "north", "2", "9.50"], ["2", "01-03", "south", "1", "4.25"], ["3", "01-04", "north", "5", "20.00"]]
    needed = {"region", "amount"}
    s.text(180, 28, t["row_store"], 14, bold=True)
    s.text(540, 28, t["col_store"], 14, bold=True)
    widths = [30, 54, 60, 36, 60]
    for r, row in enumerate(rows):
        x = 20
        y = 50 + r * 52
        s.box(16, y - 6, 328, 42, ORANGE if True else GREY, rx=6)
        for c, v in enumerate(row):
            s.box(x + 6, y, widths[c], 30, ("#ffffff", ORANGE[1]), rx=3)
            s.text(x + 6 + widths[c] / 2, y + 20, v, 11.5, mono=True)
            x += widths[c] + 4
        s.text(330, y + 20, f'{t["row"]} {r + 1}', 11, anchor="end", colour=MUTED)
    s.text(180, 226, t["row_reads"], 12.5, colour=ORANGE[1], bold=True)
    x = 372
    for c, name in enumerate(cols):
        hot = name in needed
        s.box(x, 44, 62, 160, (("#bfdbfe" if hot else "#ffffff"), BLUE[1] if hot else LINE), rx=6, width=2.2 if hot else 1.2)
        s.text(x + 31, 64, name, 11.5, bold=hot, mono=True)
        for r, row in enumerate(rows):
            s.text(x + 31, 96 + r * 30, row[c], 11.5, mono=True, colour=INK if hot else MUTED)
        x += 66
    s.text(540, 226, t["col_reads"], 12.5, colour=BLUE[1], bold=True)
    s.line(20, 250, 700, 250, dash=True)
    s.labelled(20, 266, 200, 60, GREEN, [t["leader"], t["leader_sub"]], 12.5)
    s.arrow(222, 296, 476, 296, colour=GREEN[1], width=2)
    s.text(349, 288, t["raft_log"], 12, colour=GREEN[1])
    s.text(349, 314, t["no_vote"], 12, colour=MUTED)
    s.labelled(478, 266, 222, 60, BLUE, [t["learner"], t["learner_sub"]], 12.5)
    s.text(W / 2, 348, t["note"], 12.5, colour=MUTED)
    return s


def hotspot(t):
    s = Svg(404)
    counts = [[0] * 7 + [1000], [125, 125, 126, 125, 125, 124, 125, 125]]
    titles = [t["seq"], t["sharded"]]
    for band in range(2):
        y0 = 20 + band * 186
        s.text(20, y0 + 14, titles[band], 14, anchor="start", bold=True)
        s.text(20, y0 + 34, t["seq_sub"] if band == 0 else t["sharded_sub"], 12, anchor="start", colour=MUTED, mono=True)
        for i in range(8):
            x = 22 + i * 86
            c = counts[band][i]
            hot = c >= 500
            colours = RED if hot else (GREEN if c else GREY)
            h = 90 * c / 1000 + (2 if c else 0)
            if c:
                s.box(x + 20, y0 + 142 - h, 38, h, (colours[1], colours[1]), rx=2)
            s.text(x + 39, y0 + 136 - h, str(c), 11.5, colour=colours[1], bold=hot)
            s.box(x, y0 + 144, 78, 22, colours, rx=4)
            s.text(x + 39, y0 + 160, f'{t["region"]} {i + 1}', 11.5)
        s.text(700, y0 + 14, t["writes"], 12, anchor="end", colour=MUTED)
    s.text(W / 2, 394, t["note"], 12.5, colour=MUTED)
    return s


LABELS = {
    "architecture": {
        "en": {"app": "application", "lb": "load balancer", "sql_layer": "SQL layer", "sql": "SQL server",
               "stateless": "stateless", "pd": "placement driver", "pd1": "timestamps (TSO)", "pd2": "where each region is",
               "pd3": "balancing, scheduling", "ask_pd": "timestamps, region map", "storage": "storage layer",
               "kv": "KV store", "regions": "green = leader", "col": "columnar store", "learners": "column replicas",
               "kv_rw": "read and write keys", "heartbeats": "heartbeats to PD"},
        "zh": {"app": "应用", "lb": "负载均衡", "sql_layer": "SQL 层", "sql": "SQL 服务器", "stateless": "无状态",
               "pd": "PD", "pd1": "分配时间戳（TSO）", "pd2": "记录 Region 位置", "pd3": "均衡与调度",
               "ask_pd": "时间戳、Region 分布", "storage": "存储层", "kv": "KV 节点", "regions": "绿色 = leader",
               "col": "列存节点", "learners": "列存副本", "kv_rw": "读写键值", "heartbeats": "向 PD 发心跳"},
    },
    "tso": {
        "en": {"title": "A TSO timestamp: one 64-bit integer", "physical": "physical: 46 bits",
               "physical_sub": "wall-clock milliseconds", "logical": "logical: 18 bits",
               "logical_sub": "counter, 0 … 262,143", "ms": "ms", "batch_title": "Batching: one round trip, many timestamps",
               "txn": "txn", "sql": "SQL server", "collects": "collects requests", "ask3": "give me 3",
               "reply": "last one: ts; use ts-2 … ts", "tso": "TSO in the PD leader", "tso_sub": "adds 3 to its counter"},
        "zh": {"title": "TSO 时间戳：一个 64 位整数", "physical": "物理部分：46 位", "physical_sub": "墙上时间，毫秒",
               "logical": "逻辑部分：18 位", "logical_sub": "计数器，0 … 262,143", "ms": "毫秒",
               "batch_title": "批量申请：一次往返，多个时间戳", "txn": "事务", "sql": "SQL 服务器", "collects": "攒一批请求",
               "ask3": "要 3 个", "reply": "返回最大值 ts，用 ts-2 … ts", "tso": "PD leader 中的 TSO", "tso_sub": "计数器加 3"},
    },
    "keys": {
        "en": {"row_title": "One row of customers", "table_id": "table id: 61", "index_ids": "idx_city: index 1",
               "index_ids2": "uk_email: index 2 (unique)", "key": "key (sorted)", "value": "value",
               "record": "record: the row itself", "idx_city": "non-unique index idx_city: row id in the key",
               "uk_email": "unique index uk_email: row id in the value", "empty": "(empty)",
               "note": "All three live in the same sorted map; the table prefix keeps each table's keys together."},
        "zh": {"row_title": "customers 表的一行", "table_id": "表 ID：61", "index_ids": "idx_city：索引 1",
               "index_ids2": "uk_email：索引 2（唯一）", "key": "键（有序）", "value": "值",
               "record": "行记录：这一行本身", "idx_city": "非唯一索引 idx_city：行 ID 在键里",
               "uk_email": "唯一索引 uk_email：行 ID 在值里", "empty": "（空）",
               "note": "三者都在同一张有序映射表里；表前缀让同一张表的键聚在一起。"},
    },
    "raft": {
        "en": {"client": "SQL server", "write": "write", "leader": "leader", "follower": "follower", "log": "Raft log",
               "step1": "1  leader appends entry 5", "step2": "1  send", "ack": "2  append, ack",
               "step3a": "3  2 of 3 have it: majority", "step3b": "→ committed, applied, answered",
               "note": "The slow follower does not hold up the write; it catches up later.",
               "note2": "If the leader fails, a follower with an up-to-date log wins the next election."},
        "zh": {"client": "SQL 服务器", "write": "写入", "leader": "leader", "follower": "follower", "log": "Raft 日志",
               "step1": "1  leader 追加条目 5", "step2": "1  发送", "ack": "2  追加、确认",
               "step3a": "3  三个中有两个：多数派", "step3b": "→ 已提交、应用并答复",
               "note": "慢的 follower 不会拖住写入，它之后再追上。", "note2": "leader 故障时，日志最新的 follower 会赢得下一次选举。"},
    },
    "mvcc": {
        "en": {"title": "Versions of acct:1, and what three readers see", "time": "timestamp", "reader": "read",
               "sees": "sees", "note": "Each reader takes the newest version committed at or before its timestamp."},
        "zh": {"title": "acct:1 的各个版本，以及三个读者看到的值", "time": "时间戳", "reader": "读",
               "sees": "看到", "note": "每个读者取“提交时间不晚于自己时间戳”的最新版本。"},
    },
    "twopc": {
        "en": {"sqlserver": "SQL server", "tso": "TSO (PD)", "primary": "primary key\nuser:11", "secondary": "secondary key\ncart:11",
               "get_start": "start_ts", "phase1": "phase 1: prewrite (in parallel)",
               "prewrite_p": "value + lock", "prewrite_s": "value + lock → primary user:11",
               "get_commit": "commit_ts", "phase2": "phase 2: commit", "commit_p": "commit record, unlock",
               "commit_point": "commit point", "commit_s": "commit (in the background)",
               "note": "A reader that meets a leftover lock on cart:11 asks user:11 what happened."},
        "zh": {"sqlserver": "SQL 服务器", "tso": "TSO（PD）", "primary": "primary 键\nuser:11", "secondary": "secondary 键\ncart:11",
               "get_start": "start_ts", "phase1": "第一阶段：预写（并行）", "prewrite_p": "值 + 锁",
               "prewrite_s": "值 + 锁 → primary 是 user:11", "get_commit": "commit_ts", "phase2": "第二阶段：提交",
               "commit_p": "写提交记录，解锁", "commit_point": "提交点", "commit_s": "提交（后台进行）",
               "note": "读者在 cart:11 上遇到遗留的锁时，会去 user:11 查明结果。"},
    },
    "htap": {
        "en": {"row_store": "row store: whole rows together", "col_store": "column store: each column apart",
               "row": "row", "row_reads": "SUM(amount) by region reads all 5 columns",
               "col_reads": "it reads only region and amount",
               "leader": "region leader", "leader_sub": "row store", "raft_log": "Raft log", "no_vote": "learner: no vote",
               "learner": "columnar replica", "learner_sub": "same snapshot, column layout",
               "note": "The columnar copy is another replica of the same regions, not a separate export."},
        "zh": {"row_store": "行存：整行放在一起", "col_store": "列存：各列分开存放", "row": "行",
               "row_reads": "按 region 求 SUM(amount) 要读全部 5 列", "col_reads": "只需读 region 和 amount",
               "leader": "Region leader", "leader_sub": "行存", "raft_log": "Raft 日志", "no_vote": "learner：不投票",
               "learner": "列存副本", "learner_sub": "同一快照，列式布局",
               "note": "列存是同一批 Region 的另一个副本，而不是另外导出的一份数据。"},
    },
    "hotspot": {
        "en": {"seq": "Sequential ids (AUTO_INCREMENT)", "sharded": "Sharded ids (3 shard bits, like AUTO_RANDOM)",
               "seq_sub": "id = n", "sharded_sub": "id = shard * 2^60 + n", "region": "region",
               "writes": "writes of the last 1,000 inserts",
               "note": "Above, one region takes every insert; below, eight regions share them."},
        "zh": {"seq": "顺序 id（AUTO_INCREMENT）", "sharded": "分片 id（3 个分片位，类似 AUTO_RANDOM）",
               "seq_sub": "id = n", "sharded_sub": "id = shard * 2^60 + n", "region": "Region",
               "writes": "最近 1,000 次插入的写入数", "note": "上：一个 Region 承接全部插入；下：八个 Region 平均分担。"},
    },
}

DRAWINGS = {"architecture": architecture, "tso": tso, "keys": keys, "raft": raft, "mvcc": mvcc,
            "twopc": twopc, "htap": htap, "hotspot": hotspot}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    os.makedirs(out, exist_ok=True)
    for name, draw in DRAWINGS.items():
        for lang, labels in LABELS[name].items():
            with open(os.path.join(out, f"{name}.{lang}.svg"), "w", encoding="utf-8") as f:
                f.write(draw(labels).svg())


if __name__ == "__main__":
    main()
