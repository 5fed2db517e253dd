package org.privacykit;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.htmlunit.BrowserVersion;
import org.htmlunit.MockWebConnection;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;

/**
 * Loads a generated HTML page in a headless browser (HtmlUnit, JavaScript and CSS on) over a network
 * that serves the page alone and records every other request, for the reports' self-containment tests.
 */
public final class HeadlessBrowser {
    /** The address the page is served at. */
    public static final String PAGE = "https://report.test/page.html";

    /**
     * The page as the browser built it, what it requested, and the alerts a script raised.
     *
     * @param page the page
     * @param requested every URL requested while loading, the page's own first
     * @param alerts the messages of {@code alert(...)} calls
     */
    public record Loaded(HtmlPage page, List<String> requested, List<String> alerts) {
    }

    private HeadlessBrowser() {
    }

    /**
     * Loads a page.
     *
     * @param html the page's text
     * @return what the browser saw
     * @throws IOException never in practice (the network is in memory)
     */
    public static Loaded load(String html) throws IOException {
        try (WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
            browser.getOptions().setJavaScriptEnabled(true);
            browser.getOptions().setCssEnabled(true);
            browser.getOptions().setThrowExceptionOnScriptError(true);
            List<String> alerts = new ArrayList<>();
            browser.setAlertHandler((p, message) -> alerts.add(message));
            List<String> requested = new ArrayList<>();
            MockWebConnection network = new MockWebConnection() {
                @Override
                public WebResponse getResponse(WebRequest request) throws IOException {
                    requested.add(request.getUrl().toString());
                    return super.getResponse(request);
                }
            };
            network.setResponse(new URL(PAGE), html, "text/html", StandardCharsets.UTF_8);
            network.setDefaultResponse("forbidden", 404, "Not Found", "text/plain");
            browser.setWebConnection(network);
            HtmlPage page = browser.getPage(PAGE);
            browser.waitForBackgroundJavaScript(200);
            return new Loaded(page, requested, alerts);
        }
    }
}
