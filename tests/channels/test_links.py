"""Links and tokens: unguessable, short enough for SMS, built on the public URL."""

import base64

import pytest

from channels import links


def test_tokens_carry_128_bits_and_fit_an_sms():
    tokens = {links.new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    for token in list(tokens)[:50]:
        raw = base64.urlsafe_b64decode(token + "==")
        assert len(raw) * 8 >= 128
        assert len(token) <= 24
        assert links.looks_like_token(token)


def test_links_are_built_on_the_public_url():
    base = "https://koe.example.com/"
    assert links.public_link(base, "AbC123") == "https://koe.example.com/s/AbC123"
    assert (
        links.public_link(base, "AbC123", source="store-1")
        == "https://koe.example.com/s/AbC123?src=store-1"
    )
    token = links.new_token()
    personal = links.personal_link("http://127.0.0.1:8765", token)
    assert personal == f"http://127.0.0.1:8765/r/{token}"
    # An SMS segment in UCS-2 holds 70 characters: the link must leave room for text.
    assert len(links.personal_link("https://koe.example.com", token)) < 50
    assert links.unsubscribe_link(base, token).endswith(f"/u/{token}")


@pytest.mark.parametrize("bad", ["", "koe.example.com", "ftp://x", "javascript:alert(1)"])
def test_a_public_url_without_http_is_refused(bad):
    with pytest.raises(ValueError, match="http"):
        links.public_link(bad, "abc")


@pytest.mark.parametrize("value", ["../../etc", "a b", "<script>", "x" * 65, "short"])
def test_malformed_tokens_are_rejected_before_any_lookup(value):
    assert not links.looks_like_token(value)
