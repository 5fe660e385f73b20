from samen.common.markdown import render_markdown


def test_markdown_keeps_emphasis_lists_and_links():
    html = render_markdown("**Bold** and *soft*.\n\n- one\n- two\n\n[site](https://example.org)")

    assert html == (
        "<p><strong>Bold</strong> and <em>soft</em>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        '<p><a href="https://example.org" rel="nofollow ugc noopener">site</a></p>'
    )


def test_scripts_styles_and_javascript_links_are_removed():
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(2)"><p style="color:red">hi</p>[x](javascript:alert(3))'
    )

    assert "<script" not in html
    assert "onerror" not in html
    assert "<img" not in html
    assert "style=" not in html
    assert "javascript:" not in html
    assert "hi" in html
