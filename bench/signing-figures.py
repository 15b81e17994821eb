"""The figures of bench/signing.sh, as Markdown: per window, the leaders' answers, where a signature's time went, the
chain lock (PostgreSQL's sessions sampled), the CPU, and agreements-service's hot methods in the fastest window.
    python3 bench/signing-figures.py WORK SAMPLE_EVERY PG_PORT WINDOW...
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

work, every, pg_port, windows = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4:]
UNITS = {"ns": 1e-6, "us": 1e-3, "µs": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60000.0, "h": 3600000.0}


def summary(k):
    values = {}
    for line in open(f"{work}/sign-{k}.tsv.summary"):
        key, value = line.rstrip("\n").split("=", 1)
        values[key] = value.strip("'")
    return values


def number(text):
    return float("nan") if text == "n/a" else float(text)


def millis(duration):
    """A JFR duration as `jfr print` writes it ("2.66 ms", "1 min 3 s") in milliseconds."""
    parts = duration.split()
    return sum(float(parts[i]) * UNITS[parts[i + 1]] for i in range(0, len(parts) - 1, 2))


def jfr_waits(k):
    """Milliseconds agreements-service's threads spent reading from PostgreSQL (every JDBC round trip, a lock's wait
    included) and parked waiting for a pooled connection (Agroal), over the recording."""
    text = subprocess.run(["jfr", "print", "--stack-depth", "8", "--events", "jdk.SocketRead,jdk.ThreadPark",
                           f"{work}/agreements-{k}.jfr"], capture_output=True, text=True).stdout
    database = pool = 0.0
    for event in text.split("\n}\n"):
        duration = re.search(r"\n\s*duration = ([^\n]+)", event)
        if not duration:
            continue
        if "jdk.SocketRead {" in event and re.search(rf"\n\s*port = {pg_port}\n", event):
            database += millis(duration.group(1))
        elif "jdk.ThreadPark {" in event and "io.agroal.pool.ConnectionPool." in event:
            pool += millis(duration.group(1))
    return database, pool


def fmt(value, digits=0):
    return "n/a" if value != value else f"{value:.{digits}f}"


answers, times, locks, cpus = [], [], [], []
fastest = min(range(len(windows)), key=lambda k: float(windows[k]))
for k, window in enumerate(windows):
    s = summary(k)
    ok = int(s["OK"])
    signed = ok or 1
    in_database = open(f"{work}/signed-{k}.txt").read().strip()
    answers.append(f"| {s['REQUESTS']} in {s['WINDOW_S']} s ({s['OFFERED_PER_S']}/s) | {ok} | {in_database} | {s['ERRORS']} "
                   f"({s['ERRORS_BY_STATUS']}) | {s['P50_MS']} | {s['P90_MS']} | **{s['P99_MS']}** | {s['MAX_MS']} | "
                   f"{s['MEAN_MS']} | **{s['THROUGHPUT_PER_S']}/s** | {s['SPAN_S']} s | {s['MOST_IN_FLIGHT']} |")

    # the sessions sampled between the first request due and the last answer
    start, end = int(s["START_EPOCH_MS"]) / 1000, int(s["END_EPOCH_MS"]) / 1000
    rows = []
    for line in open(f"{work}/samples-{k}.txt"):
        parts = line.rstrip("\n").split("|")
        if len(parts) == 6 and start <= float(parts[0]) <= end:
            rows.append(parts)
    n = len(rows)
    span = end - start
    dt = span / n if n else float("nan")  # the sampler's real pace, its own queries' time included
    chain_waiting = [int(r[1]) for r in rows]
    held = [r[5] for r in rows if r[5]]
    held_share = len(held) / n if n else float("nan")
    hold_ms = held_share * span / signed * 1000
    states = Counter(h.split(":", 1)[0] + ("" if h.endswith(":running") else " (" + h.split(":", 1)[1] + ")") for h in held)
    holder = ", ".join(f"{state} {100 * c / len(held):.0f} %" for state, c in states.most_common(3)) if held else "never seen held"
    locks.append(f"| {window} s | {n} | **{fmt(100 * held_share)} %** | {fmt(hold_ms, 1)} ms | {fmt(1000 / hold_ms if hold_ms else float('nan'))}/s | "
                 f"{fmt(sum(chain_waiting) / n if n else float('nan'), 1)} / {max(chain_waiting, default=0)} | "
                 f"{fmt(sum(int(r[2]) for r in rows) / n if n else float('nan'), 1)} | "
                 f"{fmt(sum(int(r[3]) for r in rows) / n if n else float('nan'), 1)} / {fmt(sum(int(r[4]) for r in rows) / n if n else float('nan'), 1)} | {holder} |")

    before, after = json.load(open(f"{work}/before-{k}.json")), json.load(open(f"{work}/after-{k}.json"))
    timer = {name: [a - b for a, b in zip(after["timers"][name], before["timers"].get(name, [0, 0]))] for name in after["timers"]}
    # per request that reached agreements-service, answered 200 or not (a 503 waited for a connection too)
    reached = timer["agreements sign"][0] or 1
    mean = lambda name: timer[name][1] * 1000 / (timer[name][0] or 1)
    database, pool = jfr_waits(k)
    units = (timer["agreements → units by id"][1] + timer["agreements → units by code"][1]) * 1000 / reached
    queued = sum(chain_waiting) * dt * 1000 / reached if n else float("nan")
    rest = mean("agreements sign") - units - database / reached - pool / reached
    times.append(f"| {window} s | {s['MEAN_ALL_MS']} | {fmt(mean('gateway sign'))} | {fmt(mean('agreements sign'))} | {fmt(units)} "
                 f"({int(timer['agreements → units by id'][0] + timer['agreements → units by code'][0])} calls) | "
                 f"{fmt(database / reached)} | **{fmt(queued)}** ({fmt(100 * queued / number(s['MEAN_ALL_MS']))} % of the latency) | "
                 f"{fmt(pool / reached)} | {fmt(rest)} |")

    elapsed = float(open(f"{work}/span-{k}.txt").read())
    tick = os.sysconf("SC_CLK_TCK")
    used = {name: (after["cpu"].get(name, 0) - before["cpu"].get(name, 0)) / tick for name in after["cpu"]}
    suite = sum(used.get(name, 0) for name in ("agreements-service", "gateway", "units-service", "tasks-service", "postgres"))
    cpus.append(f"| {window} s ({elapsed:.1f} s) | " + " | ".join(f"{used.get(name, 0) / elapsed:.2f}" for name in
                ("agreements-service", "gateway", "units-service", "postgres", "load", "machine"))
                + f" | {os.cpu_count()} | {fmt(suite * 1000 / signed, 1)} |")

print("| leaders signing | answered 200 | signed in the database | errors | p50 ms | p90 ms | p99 ms | max ms | mean ms | throughput (200s a second) | first due → last answer | most in flight |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
print("\n".join(answers))
print("\n### Where a signature's time went (means per request that reached agreements-service, 200 or not; ms)\n")
print("| window | at the leader, every answer | in the gateway | in agreements-service | of which: units-service, who leads the unit | "
      "PostgreSQL (every JDBC read, lock waits included) | of which queued for the chain lock | waiting for a pooled connection | "
      "the rest: the service's own work and its wait for a CPU |")
print("|---|---|---|---|---|---|---|---|---|")
print("\n".join(times))
print(f"\n### The chain lock (PostgreSQL's sessions of agreements-service, sampled every {every * 1000:.0f} ms)\n")
print("| window | samples | lock held | held per signature | the most signatures a second it allows at that hold | "
      "waiting for it, mean / most | any advisory wait, mean | sessions active / idle in transaction, mean | what its holder was doing |")
print("|---|---|---|---|---|---|---|---|---|")
print("\n".join(locks))
print("\n### CPU during each window (cores, from /proc)\n")
print("| window | agreements-service | gateway | units-service | postgres | load (leaders' side) | machine, every process | cores | suite CPU per signature, ms |")
print("|---|---|---|---|---|---|---|---|---|")
print("\n".join(cpus))
hot = subprocess.run(["jfr", "view", "--width", "160", "hot-methods", f"{work}/agreements-{fastest}.jfr"],
                     capture_output=True, text=True).stdout
lines = [line.rstrip() for line in hot.splitlines() if line.strip()][1:14]
print(f"\n### agreements-service's hot methods in the {windows[fastest]} s window (JFR, `jfr view hot-methods`)\n")
print("```\n" + "\n".join(lines) + "\n```")
print("""
How to read them: "queued for the chain lock" is the sessions found waiting for it (`pg_locks`, not granted) summed over
the samples, times the sampling period, over the requests: the mean time a request spent in the chain's queue (Little's
law). "Lock held" is the share of samples in which some session held it; times the window's length over the
signatures, the mean time each held it, whose inverse is the most signatures a second the one chain allows at that
hold. "What its holder was doing": the holding session's state (`idle in transaction`: the transaction is open and the
database waits for the service, which is working or waiting for a CPU). "PostgreSQL" counts the time
agreements-service's threads spent in JDBC reads (JFR `jdk.SocketRead` on the database's port, all threads), the chain
lock's wait included, since the lock statement answers only once granted; "waiting for a pooled connection" its parks
in Agroal's pool (16 connections; a request still waiting after 5 s is answered 503).""")
