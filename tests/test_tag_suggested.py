"""A suggestion is a command that works (U45): `--type "suicide bombing"` said "use --tag
suicide bombing"; pasted, the shell split it and the next hint, "--tag suicide --tag
bombing", found no tag 'bombing'. The tag is suicide-bombing: each hint names it."""

from __future__ import annotations

import shlex

import pytest
from conftest import Run


def _pasted(run: Run, stderr: str) -> tuple[int, str]:
    """The suggested command, run as a user pasting it: its exit code and stderr."""
    words = shlex.split(stderr.rstrip("\n").rpartition(": ")[2].removeprefix("use "))
    result = run("timeline", *words, "--count")
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    ("words", "tag"), [("suicide bombing", "suicide-bombing"), ("car bomb", "car-bomb")]
)
def test_a_type_of_several_words_that_is_a_tag_names_the_tag(
    run: Run, bundled: None, words: str, tag: str
) -> None:
    result = run("timeline", "--type", words)
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").endswith(f"{words!r} is a tag: use --tag {tag}")
    assert _pasted(run, result.stderr) == (0, ""), result.stderr


@pytest.mark.parametrize("option", ["--tag", "--not-tag"])
def test_a_tag_the_shell_split_is_given_back_whole(run: Run, bundled: None, option: str) -> None:
    result = run("timeline", option, "suicide", "bombing")
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").endswith(
        f'"suicide bombing" is one value, hyphenated: {option} suicide-bombing'
    ), result.stderr
    assert _pasted(run, result.stderr) == (0, ""), result.stderr
    # words that are no one tag are still two values
    two = run("timeline", "--tag", "coup", "france").stderr
    assert two.rstrip("\n").endswith("give it once per value: --tag coup --tag france")


def test_a_type_the_shell_split_that_is_a_tag_names_the_tag(run: Run, bundled: None) -> None:
    """`--type suicide bombing` unquoted was told "--type suicide --type bombing", a
    command that fails on 'suicide' and then names no tag: the words are the tag."""
    result = run("timeline", "--type", "suicide", "bombing")
    assert result.exit_code == 2
    assert result.stderr.rstrip("\n").endswith(
        '"suicide bombing" is a tag, hyphenated: --tag suicide-bombing'
    ), result.stderr
    assert _pasted(run, result.stderr) == (0, ""), result.stderr
    # a type of two words is still the type
    assert (
        run("timeline", "--type", "coup", "attempt")
        .stderr.rstrip("\n")
        .endswith('"coup attempt" is one value, hyphenated: --type coup-attempt')
    )
