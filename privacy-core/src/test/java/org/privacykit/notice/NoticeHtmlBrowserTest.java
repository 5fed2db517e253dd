package org.privacykit.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.junit.jupiter.api.Test;
import org.privacykit.HeadlessBrowser;

/**
 * Loads the notice page in a headless browser (HtmlUnit, with JavaScript on): it renders its
 * sections and table, runs nothing, asks for nothing but itself, and shows hostile declared texts
 * as text.
 */
class NoticeHtmlBrowserTest {
    private static final String PAGE = HeadlessBrowser.PAGE;

    static HeadlessBrowser.Loaded load(String html) throws Exception {
        return HeadlessBrowser.load(html);
    }

    @Test
    void page_rendersEverySectionAndTheTable_andLoadsNothingElse() throws Exception {
        HeadlessBrowser.Loaded loaded = load(Shop.notice().toHtml());
        HtmlPage page = loaded.page();

        assertThat(page.getTitleText()).isEqualTo("Privacy notice of Example Shop Ltd");
        assertThat(loaded.requested()).containsExactly(PAGE);
        assertThat(page.getElementsByTagName("script")).isEmpty();
        assertThat(page.getElementsByTagName("h2")).extracting(DomElement::asNormalizedText).containsExactly(
                "Who is responsible", "What we collect, why, and for how long", "Purposes",
                "Special categories of data", "Who receives your data", "Your rights");
        HtmlTable table = (HtmlTable) page.getElementsByTagName("table").get(0);
        assertThat(table.getRowCount()).isEqualTo(1 + 6);
        assertThat(table.getRow(3).getCells()).extracting(c -> c.asNormalizedText()).containsExactly(
                "E-mail address Shop.Customer.email", "Contact data", "Newsletter, Support",
                "Consent (Art. 6(1)(a) GDPR)", "2 years");
        assertThat(table.getRow(2).getCell(1).asNormalizedText()).isEqualTo("Health dataArt. 9(1)");
        assertThat(page.getElementById("rights").asNormalizedText()).contains("Withdrawal of consent (Art. 7(3))",
                "Objection (Art. 21)", "the Information Commissioner's Office.");
        assertThat(page.getElementById("data").asNormalizedText()).doesNotContain("password");
    }

    @Test
    void hostileDeclaredTexts_showAsText_andNeverRun() throws Exception {
        String attack = "<script>alert('controller')</script><img src=https://tracker.example/p.gif onerror=alert(2)>";
        PrivacyNotice notice = PrivacyNotice.builder(Shop.inventory())
                .controller(attack, "\"><iframe src=https://evil.example/></iframe>")
                .purpose("billing", "</dd><style>body{background:url(https://evil.example/x)}</style>")
                .recipient("<link rel=stylesheet href=https://evil.example/s.css>")
                .source("'\u0000\u0007\ud800 odd characters")
                .build();

        HeadlessBrowser.Loaded loaded = load(notice.toHtml());

        assertThat(loaded.alerts()).isEmpty();
        assertThat(loaded.requested()).containsExactly(PAGE);
        HtmlPage page = loaded.page();
        assertThat(page.getElementsByTagName("script")).isEmpty();
        assertThat(page.getElementsByTagName("img")).isEmpty();
        assertThat(page.getElementsByTagName("iframe")).isEmpty();
        assertThat(page.getElementsByTagName("link")).isEmpty();
        assertThat(page.getElementsByTagName("style")).hasSize(1);
        assertThat(page.getElementById("controller").asNormalizedText()).contains(attack)
                .contains("\"><iframe src=https://evil.example/></iframe>");
        assertThat(page.getElementById("purposes").asNormalizedText())
                .contains("</dd><style>body{background:url(https://evil.example/x)}</style>");
        assertThat(page.getElementById("sources").asNormalizedText()).contains("'\uFFFD\uFFFD\uFFFD odd characters");
    }

    @Test
    void page_declaresAPolicyThatForbidsEveryExternalResource() {
        String html = Shop.notice().toHtml();

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">");
        assertThat(html).doesNotContain("http://", "https://", "src=", "href=");
    }
}
