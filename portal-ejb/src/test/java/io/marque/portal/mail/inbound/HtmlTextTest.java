package io.marque.portal.mail.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An HTML mail becomes readable plain text: its own words, line by line, without the quoted thread. */
class HtmlTextTest {

    // --- structure -----------------------------------------------------------------------------

    @Test
    void paragraphsAndLineBreaks() {
        assertEquals("Hello Jane,\n\nline one\nline two",
                HtmlText.toText("<p>Hello Jane,</p><p>line one<br>line two</p>"));
    }

    @Test
    void gmailWritesOneDivPerLine() {
        assertEquals("one\ntwo\n\nthree",
                HtmlText.toText("<div dir=\"ltr\"><div>one</div><div>two</div><div><br></div><div>three</div></div>"));
    }

    @Test
    void outlookParagraphsWithEmptyOnes() {
        String html = "<html><head><style>p.MsoNormal{margin:0}</style></head><body lang=EN-US>"
                + "<div class=WordSection1><p class=MsoNormal>Hi,<o:p></o:p></p>"
                + "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                + "<p class=MsoNormal>please restart it.<o:p></o:p></p></div></body></html>";
        assertEquals("Hi,\n\nplease restart it.", HtmlText.toText(html));
    }

    @Test
    void headingsStandApart() {
        assertEquals("Incident\n\nDetails\n\nThe disk is full.",
                HtmlText.toText("<h1>Incident</h1><h3>Details</h3>The disk is full."));
    }

    @Test
    void listItemsStartWithADash() {
        assertEquals("Steps:\n- first\n- second bold\n- third",
                HtmlText.toText("Steps:<ul><li>first</li><li>second <b>bold</b></li></ul><ol><li>third</li></ol>"));
    }

    @Test
    void nestedAndEmptyListItems() {
        assertEquals("- a\n  - a.1\n- b",
                HtmlText.toText("<ul><li>a<ul><li>a.1</li></ul></li><li></li><li>b</li></ul>"));
        assertEquals("- x\n\n- y", HtmlText.toText("<ul><li><p>x</p></li><li><p>y</p></li></ul>"));
    }

    @Test
    void tableRowsBecomeLines() {
        assertEquals("Server web-01\nStatus down", HtmlText.toText(
                "<table><tr><th>Server</th><td>web-01</td></tr><tr><td> Status </td><td>down</td></tr></table>"));
    }

    @Test
    void whitespaceCollapsesOutsidePre() {
        assertEquals("lots of space", HtmlText.toText("<p>  lots   of\n\n\t space </p>"));
        assertEquals("Log:\n\n  a\n    b", HtmlText.toText("<p>Log:</p><pre>  a\n    b</pre>"));
    }

    @Test
    void moreThanTwoBlankLinesBecomeTwo() {
        assertEquals("a\n\nb", HtmlText.toText("a<br><br>b"));
        assertEquals("a\n\n\nb", HtmlText.toText("a<br><br><br>b"));
        assertEquals("a\n\n\nb", HtmlText.toText("a<br><br><br><br><br><br><br>b"));
        assertEquals("a\n\n\nb", HtmlText.toText("<p>a</p><p>&nbsp;</p><br><br><br><br><p>b</p>"));
    }

    // --- links ---------------------------------------------------------------------------------

    @Test
    void linksShowTheirAddressWhenTheTextSaysSomethingElse() {
        assertEquals("See the status page (https://acme.example/status?a=1&b=2).",
                HtmlText.toText("See the <a href=\"https://acme.example/status?a=1&amp;b=2\">status page</a>."));
        assertEquals("https://acme.example/login (https://evil.example/login)",
                HtmlText.toText("<a href=\"https://evil.example/login\">https://acme.example/login</a>"));
        assertEquals("Write to us (mailto:support@acme.example)",
                HtmlText.toText("<a href=\"mailto:support@acme.example\">Write to us</a>"));
    }

    @Test
    void linksWhoseTextIsTheAddressAreNotRepeated() {
        assertEquals("https://acme.example/",
                HtmlText.toText("<a href=\"https://acme.example/\">https://acme.example/</a>"));
        assertEquals("support@acme.example",
                HtmlText.toText("<a href=\"mailto:support@acme.example\">support@acme.example</a>"));
        assertEquals("www.acme.example", HtmlText.toText("<a href=\"https://www.acme.example/\">www.acme.example</a>"));
    }

    @Test
    void aLinkWithoutTextShowsItsAddress() {
        assertEquals("Logo: https://acme.example",
                HtmlText.toText("Logo: <a href=\"https://acme.example\"><img src=\"cid:logo\" alt=\"\"></a>"));
    }

    @Test
    void scriptAndRelativeLinksShowOnlyTheirText() {
        assertEquals("click here", HtmlText.toText("<a href=\"javascript:alert(1)\">click here</a>"));
        assertEquals("settings", HtmlText.toText("<a href=\"/account/settings\">settings</a>"));
        assertEquals("anchor", HtmlText.toText("<a name=\"x\">anchor</a>"));
    }

    // --- quoted history ------------------------------------------------------------------------

    @Test
    void gmailQuote() {
        String html = "<div dir=\"ltr\">Thanks!</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">"
                + "On Tue, 3 Nov 2026 at 10:00, Acme Cloud &lt;support@acme.example&gt; wrote:<br></div>"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex\">Your server is back.</blockquote></div>";
        assertEquals("Thanks!", HtmlText.toText(html));
    }

    @Test
    void thunderbirdQuote() {
        String html = "<html><body><p>Fixed.</p><div class=\"moz-cite-prefix\">On 03.11.2026 10:00, Acme Cloud wrote:<br>"
                + "</div><blockquote type=\"cite\" cite=\"mid:abc@acme.example\">Your server is back.</blockquote></body></html>";
        assertEquals("Fixed.", HtmlText.toText(html));
    }

    @Test
    void appleMailQuote() {
        String html = "<html><body dir=\"auto\"><div>Works now.<br><div><br><blockquote type=\"cite\"><div>On 3 Nov 2026, "
                + "at 10:00, Acme Cloud &lt;support@acme.example&gt; wrote:</div><br><div>Old text</div></blockquote></div>"
                + "</div></body></html>";
        assertEquals("Works now.", HtmlText.toText(html));
    }

    @Test
    void yahooQuote() {
        assertEquals("Yes, please.", HtmlText.toText(
                "<div>Yes, please.</div><div class=\"yahoo_quoted\"><div>On Tuesday, Acme wrote:</div><div>old</div></div>"));
    }

    @Test
    void outlookDropsEverythingAfterAppendOnSend() {
        String html = "<html><body><div>Please check again.</div><div id=\"appendonsend\"></div>"
                + "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
                + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Acme Cloud<br>"
                + "<b>Sent:</b> Tuesday, November 3, 2026 10:00 AM</font></div><div>Old message</div>"
                + "<div>More old text</div></body></html>";
        assertEquals("Please check again.", HtmlText.toText(html));
    }

    @Test
    void appendOnSendDeepInsideTheBody() {
        assertEquals("New\nalso new", HtmlText.toText(
                "<div><div>New</div><div>also new<div id=\"appendonsend\"></div>old 1</div><p>old 2</p></div>"
                        + "<div>old 3</div>"));
    }

    @Test
    void outlookHeaderBlockAlone() {
        assertEquals("Hi", HtmlText.toText("<p>Hi</p><div id=\"divRplyFwdMsg\"><b>From:</b> Acme</div>"));
    }

    @Test
    void textAfterABlockquoteStays() {
        assertEquals("my answer", HtmlText.toText("<blockquote>the question</blockquote><p>my answer</p>"));
    }

    // --- what never appears --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Hello</p><script>alert(1)</script>",
        "<html><head><script>alert(1)</script><title>alert(1)</title></head><body><p>Hello</p></body></html>",
        "<p>Hello<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT></p>",
        "<p>Hello</p><script>alert(1)",
        "<p>Hello</p><style>p::after{content:'alert(1)'}</style>",
        "<p>Hello</p><noscript>alert(1)</noscript>",
        "<p>Hello</p><svg><script>alert(1)</script><text>alert(1)</text></svg>",
        "<p>Hello</p><template>alert(1)</template>",
        "<p>Hello</p><!-- <script>alert(1)</script> -->",
        "<p>Hello</p><iframe srcdoc=\"alert(1)\">alert(1)</iframe>",
        "<p>Hello</p><script><!--\nalert(1)\n//--></script>",
        "<p>Hello</p><math><mtext><script>alert(1)</script></mtext></math>",
        "<table><tr><td>Hello</td><script>alert(1)</script></tr></table>",
    })
    void scriptAndStyleNeverLeak(String html) {
        String text = HtmlText.toText(html);
        assertFalse(text.contains("alert"), text);
        assertEquals("Hello", text);
    }

    @Test
    void entitiesDecode() {
        assertEquals("Tom & Jerry <tj@example.com> \"hi\" 'x' café AB © 2026 — ok",
                HtmlText.toText("Tom &amp; Jerry &lt;tj@example.com&gt; &quot;hi&quot; &#39;x&#39; caf&eacute; "
                        + "&#x41;&#66; &copy; 2026&nbsp;&mdash; ok"));
    }

    @Test
    void escapedMarkupIsPlainText() {
        // what the sender typed as text stays text; it is escaped wherever the portal shows it
        assertEquals("<b>not bold</b>", HtmlText.toText("&lt;b&gt;not bold&lt;/b&gt;"));
    }

    @Test
    void emptyInputGivesEmptyText() {
        assertEquals("", HtmlText.toText(null));
        assertEquals("", HtmlText.toText(""));
        assertEquals("", HtmlText.toText("<html><body><p>&nbsp;</p><br></body></html>"));
        assertEquals("plain words", HtmlText.toText("plain words"));
    }
}
