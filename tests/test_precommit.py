"""The pre-commit hooks, driven by the real pre-commit against a throwaway git repository of
canned replies that uses this repository (its HEAD commit) as the hook repository.

pre-commit builds the hook's virtualenv with pip from the package index, so this is slow
and needs the registry; it runs in CI. The hook environment is cached per test session."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, USER_HOME

# One worker builds the hook environment once for the module (pytest-xdist groups them).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pre-commit")]

# The temporary repository selects one rule group, so the test shows the hook's plumbing
# and does not move when other rules learn new things.
CHECKLIST = 'select = ["use-their-name"]\n\n[profiles.template]\ninclude = []\n'
BAD_REPLY = "Hi there,\n\nYour refund is on its way and should reach you within 5 days.\n\nBest,\nSam\n"
GOOD_REPLY = "Hi Zoë,\n\nYour refund is on its way and should reach you within 5 days.\n\nBest,\nSam\n"
MISSPELT_REPLY = "Hi Jsoé,\n\nYour refund is on its way and should reach you within 5 days.\n\nBest,\nSam\n"


def test_hooks_file_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"empathylint", "empathylint-fix"}
    assert hooks["empathylint"]["entry"] == "empathylint check"
    assert "--fix-only" in hooks["empathylint-fix"]["entry"].split()  # the report comes from the other hook
    for hook in hooks.values():
        assert hook["language"] == "python"
        pattern = hook["files"]
        for name in ("reply.md", "macro.txt", "article.html", "old.htm", "ticket.eml"):
            assert re.search(pattern, name), name
        for name in ("setup.py", "config.yaml", "notes.md.bak"):
            assert not re.search(pattern, name), name


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None:
        pytest.fail("git is needed to drive pre-commit")
    return tmp_path_factory.mktemp("pre-commit-home")


def make_repo(tmp_path: Path, pre_commit_home: Path, hook_id: str, args: list[str]) -> tuple[Path, dict[str, str]]:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(pre_commit_home),
        # pre-commit builds the hook's environment with pip, whose index is configured in
        # the home folder of whoever runs the tests.
        "HOME": USER_HOME,
        "GIT_AUTHOR_NAME": "Sam Support",
        "GIT_AUTHOR_EMAIL": "sam@example.com",
        "GIT_COMMITTER_NAME": "Sam Support",
        "GIT_COMMITTER_EMAIL": "sam@example.com",
        "NO_COLOR": "1",
    }
    repo = tmp_path / "canned-replies"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main", env=env)
    config = {
        "repos": [
            {"repo": str(ROOT), "rev": head.stdout.strip(), "hooks": [{"id": hook_id, "args": args}]},
        ]
    }
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "checklist.toml").write_text(CHECKLIST, encoding="utf-8")
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return repo, env


def commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    git(repo, "add", "-A", env=env)
    return git(repo, "commit", "-q", "-m", message, env=env)


def test_check_hook_blocks_a_bad_canned_reply_and_passes_it_once_fixed(tmp_path: Path, pre_commit_home: Path) -> None:
    repo, env = make_repo(tmp_path, pre_commit_home, "empathylint", [])
    reply = repo / "refund.md"
    reply.write_text(BAD_REPLY, encoding="utf-8")

    blocked = commit(repo, env, "Add the refund reply")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "use-their-name.generic-greeting" in output
    assert "refund.md" in output
    assert git(repo, "rev-parse", "--verify", "HEAD", env=env).returncode != 0, "nothing may be committed"

    reply.write_text(GOOD_REPLY, encoding="utf-8")
    passed = commit(repo, env, "Add the refund reply, greeting Zoë by name")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "rev-parse", "--verify", "HEAD", env=env).returncode == 0


def test_fix_hook_fixes_the_file_and_the_next_commit_passes(tmp_path: Path, pre_commit_home: Path) -> None:
    repo, env = make_repo(tmp_path, pre_commit_home, "empathylint-fix", ["--customer", "José"])
    reply = repo / "refund.txt"
    reply.write_text(MISSPELT_REPLY, encoding="utf-8")

    first = commit(repo, env, "Add the refund reply")
    assert first.returncode != 0, "pre-commit fails a commit whose files a hook changed"
    assert reply.read_text(encoding="utf-8") == MISSPELT_REPLY.replace("Jsoé", "José")

    second = commit(repo, env, "Add the refund reply")
    assert second.returncode == 0, second.stdout + second.stderr


def readme_recipe() -> str:
    """The `repo: local` configuration README.md gives, as written there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index("<!-- pre-commit recipe:") :]
    return after[after.index("```yaml\n") + len("```yaml\n") : after.index("\n```", after.index("```yaml"))] + "\n"


def test_the_readme_recipe_works_as_written(tmp_path: Path, pre_commit_home: Path) -> None:
    """README's `repo: local` hooks, with empathylint installed (this environment's), fix
    what is safe, name it once, and block the commit with the report of what is left once."""
    repo, env = make_repo(tmp_path, pre_commit_home, "empathylint", [])
    (repo / ".pre-commit-config.yaml").write_text(readme_recipe(), encoding="utf-8")
    (repo / "checklist.toml").write_text(CHECKLIST.replace('"use-their-name"', '"use-their-name", "proofread"'))
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    reply = repo / "refund.md"
    reply.write_text(BAD_REPLY.replace("on its way", "on the the way"), encoding="utf-8")
    blocked = commit(repo, env, "Add the refund reply")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert reply.read_text(encoding="utf-8") == BAD_REPLY.replace("on its way", "on the way")  # fixed
    assert output.count("Fixed refund.md (proofread.repeated-word ×1)") == 1, output
    assert output.count("refund.md:1:1 warning use-their-name.generic-greeting") == 1, output
