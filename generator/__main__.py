"""Command line: `python -m generator build | generate | serve | check`.

Exit status: 0 built with every input file used; 3 built, but some input files were skipped
(each named on stderr); 1 nothing built (the reason is printed in one line); 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .config import Config
from .executor import EXECUTORS, ExecutorError
from .model import Corpus
from .pipeline import InputError, build_corpus
from .plugin import ResearchPlugin, settings_from
from .render import render_site
from .report import StageTimer, log_problems, setup_logging
from .site_build import build as build_site
from .write import OutputError, build_into, check_output_dir, write_site_sources

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
PROJECT_ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("generator")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    setup_logging(logging.WARNING if args.quiet else
                  logging.DEBUG if args.verbose else logging.INFO)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    ResearchPlugin.overrides = overrides(args)
    try:
        return int(args.run(args))
    except (InputError, ExecutorError, OutputError, PluginError, ConfigurationError,
            Abort, SettingsError) as error:
        log.error(" ".join(str(error).split()))
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_FAILED


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(required=True, metavar="COMMAND")
    for name, run, help_text in (
            ("build", cmd_build, "build the static site (default: seeds/ -> site/)"),
            ("generate", cmd_generate, "write the generated Markdown and data, without MkDocs"),
            ("serve", cmd_serve, "preview at http://127.0.0.1:8000, re-rendered on changes"),
            ("check", cmd_check, "read and parse the input, report problems, build nothing")):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.set_defaults(run=run)
        command.add_argument("--input", help="folder of *.txt articles (default: seeds/)")
        command.add_argument("--config", default=str(default_config()),
                             help="mkdocs.yml to use (default: the project's)")
        command.add_argument("--no-ner", action="store_true",
                             help="knowledge base only, no statistical NER")
        command.add_argument("--jobs", type=int, default=None,
                             help="worker processes (default: all cores)")
        command.add_argument("--executor", choices=EXECUTORS, default=None,
                             help="where reading, parsing and extraction run: local worker "
                                  "processes (default) or a Dask cluster")
        command.add_argument("--search", choices=("auto", "material", "pagefind"), default=None,
                             help="the site's search (default: mkdocs.yml's, auto)")
        command.add_argument("--scheduler", default=None, metavar="ADDRESS",
                             help="with --executor dask: the scheduler (default: start a "
                                  "local cluster)")
        command.add_argument("-q", "--quiet", action="store_true", help="only problems")
        command.add_argument("-v", "--verbose", action="store_true", help="more detail")
        if name == "build":
            command.add_argument("--site", default="site", help="output folder (default: site/)")
        if name == "generate":
            command.add_argument("--out", default="build/docs", help="output folder")
        if name == "serve":
            command.add_argument("--dev-addr", default="127.0.0.1:8000", help="IP:PORT")
    return top


def default_config() -> Path:
    local = Path("mkdocs.yml")
    return local if local.exists() else PROJECT_ROOT / "mkdocs.yml"


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The `research` plugin options the flags set, over mkdocs.yml's, in this process."""
    given: dict[str, Any] = {"input": str(Path(args.input).resolve()) if args.input else None,
                             "ner": False if args.no_ner else None, "jobs": args.jobs,
                             "executor": args.executor, "scheduler": args.scheduler,
                             "search": args.search}
    return {key: value for key, value in given.items() if value is not None}


class SettingsError(Exception):
    """mkdocs.yml cannot be used: one line naming the file and the key."""


class ConfigErrors(logging.Handler):
    """Collects what MkDocs logs about invalid settings, to say it in one line."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))


def load_settings(config_file: str, **mkdocs_options: Any) -> MkDocsConfig:
    """mkdocs.yml, validated, with the command line's plugin options applied; an invalid file
    or key is one `SettingsError` line ("mkdocs.yml: Config value 'plugins': Plugin
    'research' option 'jobs': Expected type ...")."""
    errors = ConfigErrors()
    mkdocs_log = logging.getLogger("mkdocs.config")
    mkdocs_log.addHandler(errors)
    propagate, mkdocs_log.propagate = mkdocs_log.propagate, False
    try:
        config = load_config(config_file, **mkdocs_options)
    except (ConfigurationError, Abort) as error:
        detail = "; ".join(errors.messages) or " ".join(str(error).split())
        raise SettingsError(f"{config_file}: {detail}") from None
    finally:
        mkdocs_log.removeHandler(errors)
        mkdocs_log.propagate = propagate
    if "research" not in config.plugins:
        raise SettingsError(f"{config_file}: plugins: the 'research' plugin is not listed")
    return config


def settings(args: argparse.Namespace) -> Config:
    """What `generate` and `check` run with: the same settings `build` and `serve` read."""
    config = load_settings(args.config)
    research = config.plugins["research"]
    assert isinstance(research, ResearchPlugin)
    for key, value in ResearchPlugin.overrides.items():
        research.config[key] = value
    return settings_from(config, research.config)


def cmd_build(args: argparse.Namespace) -> int:
    site_dir = Path(args.site).resolve()
    given = settings(args)
    check_output_dir(site_dir, given.input_dir, Path(args.config).resolve().parent)
    research: ResearchPlugin | None = None

    def build(staging: Path) -> None:
        nonlocal research
        config = load_settings(args.config, site_dir=str(staging), strict=True)
        started = time.perf_counter()
        build_site(config, given.jobs)
        research = config.plugins["research"]  # type: ignore[assignment]
        assert research is not None
        research.timer.seconds["MkDocs"] = time.perf_counter() - started - sum(
            research.timer.seconds.values())

    build_into(site_dir, build)
    assert research is not None and research.corpus is not None
    summarise(research.corpus, site_dir, research.timer)
    return exit_status(research.corpus)


def summarise(corpus: Corpus, where: Path, timer: StageTimer) -> None:
    log.info("built %s: %d articles from %d files, %d entities, %d topics used, %d events, "
             "%d problems", where, len(corpus.articles), len(corpus.sources),
             len(corpus.entities), len({t for ts in corpus.article_topics.values() for t in ts}),
             len(corpus.events), len(corpus.problems))
    log.info("time: %s", timer.line())


def exit_status(corpus: Corpus) -> int:
    return EXIT_SKIPPED if any(p.skipped for p in corpus.problems) else EXIT_OK


def cmd_generate(args: argparse.Namespace) -> int:
    out = Path(args.out).resolve()
    config = settings(args)
    check_output_dir(out, config.input_dir, Path(args.config).resolve().parent)
    timer = StageTimer()
    corpus = build_corpus(config, timer)
    log_problems(corpus.problems)
    with timer.stage("render and write"):
        build_into(out, lambda staging: write_site_sources(render_site(corpus, config), staging))
    summarise(corpus, out, timer)
    return exit_status(corpus)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    # dirty: after an edit, pages whose Markdown did not change keep their HTML (with Pagefind,
    # which indexes the whole site; see ResearchPlugin.on_files). Not strict: MkDocs warns on
    # every dirty build, which strict mode would turn into a failed one.
    settings(args)  # an invalid mkdocs.yml is one line here, before the server starts
    serve(args.config, dev_addr=args.dev_addr, build_type="dirty", strict=False)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    corpus = build_corpus(settings(args))
    log_problems(corpus.problems)
    if corpus.unknown_names:
        log.info("names found by NER that knowledge/entities.yml lacks (name, type, mentions):")
        for name, entity_type, count in corpus.unknown_names:
            print(f"{count:6d}  {entity_type:12s}  {name}")
    log.info("%d files, %d articles, %d entities, %d ambiguous names left unlinked, "
             "%d problems", len(corpus.sources), len(corpus.articles), len(corpus.entities),
             len(corpus.ambiguous), len(corpus.problems))
    return exit_status(corpus)


if __name__ == "__main__":
    sys.exit(main())
