package io.parbench.engines.browser;

import io.parbench.text.Choices;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The browsers parbench drives: on this machine Chromium (Playwright), Firefox (WebDriver BiDi) and
 * WebKitGTK (WebDriver); through a WebDriver endpoint on another machine any of them, and Safari
 * and Edge as well.
 */
public enum BrowserKind {
    // The warm-up floors: a fresh page's wasm reaches its steady state after ~0.7-0.9 s in Chromium
    // (tier-up) for the quick sizes, but nbody 2048 (default) still ran at about half its W = 2
    // rate up to 1.2-2 s in, while its rates already looked flat: curve pages declared steady after
    // 0.65-0.8 s gave S(2) 1.37 against 1.94 from pages of one worker count warmed up for 2 s, and
    // 1.79 with 2 s of warm-up (8 pages each, quiet); so 2 s. Half the rate was a core taken by
    // Chromium's omnibox WebUI, rendered for every new window (now turned off:
    // CHROMIUM_OMNIBOX_WEBUI). Without it, default-size pages warmed up 0.5-1 s gave the S(2) of
    // 2 s within 1-2% (nbody, sort, forkjoin; 6 pages each, quiet); quick sizes measured W = 2 4-10%
    // slower (axpy, histogram, mandelbrot, nbody; 12 pages each), but not again on an AMD EPYC
    // (December 7, quiet, 12 pages each, alternating): 0.8 s against 2 s -0.4% to -3%, 1.2 s
    // against 2 s -5% to +1.5% (mandelbrot -1.7%, nbody -2.2%, each about one standard error).
    // There W = 2 against the W = 1 blocks beside it, in pages of 16 blocks per point after a 0.3 s
    // floor, was 3-9% low in the blocks 0.6-1.1 s into the page and level after (default sizes
    // too), and with a 2 s floor level from the first: so 1.2 s, which saves ~0.8 s a page. Firefox
    // is near it from ~0.2 s but dips to 0.4-0.65 of it around 0.8-1.0 s (steady after ~1.1 s);
    // WebKit is steady after 0.1-0.2 s in most pages (its S(2) did not move with 2 s). The page
    // set-ups (for estimates): beside their warm-up and blocks, a quiet default sweep's pages took
    // 1.9 s in Chromium and WebKit (a window opened and closed over their protocols) and 1.0 s in
    // Firefox, and a quick sweep's less (smaller inputs, shorter steps to finish a block with);
    // between the two. With WebKit's pages in one window and Chromium's 1.2 s floor (December 7,
    // an AMD EPYC): 1.2 s (Chromium), 0.85 s (Firefox) and 1.4 s (WebKit) in a default sweep, ~0.9 s
    // each in a quick one, and the default sweep's estimate was within 1% (4:43 for 4:40); left as
    // they were. Browsers on other machines are given the slower.
    CHROMIUM("chrome", true, List.of("chromium", "chromium-browser", "google-chrome"), 1200, 1400),
    FIREFOX("firefox", true, List.of("firefox-esr", "firefox"), 1200, 800),
    /** MiniBrowser is not on the PATH: {@link BrowserLocator} knows where Debian puts it. */
    WEBKIT("MiniBrowser", true, List.of(), 300, 1400),
    SAFARI("safari", false, List.of(), 300, 1400),
    EDGE("MicrosoftEdge", false, List.of(), 1200, 1400);

    /**
     * Chromium's omnibox suggestion popup, which full Chromium (headless too, 156 here) renders as a
     * WebUI in a renderer of its own for every new window, so for every page: ~1.2 s of a core at the
     * start of each page, beside its workers, which on 2 cores held W = 2 of sum at half its rate for
     * the page's first second, and cost a new page ~0.2 s. Turned off in every Chromium parbench
     * launches (PlaywrightDriver) or asks a WebDriver endpoint for (RemoteDriver).
     */
    public static final List<String> CHROMIUM_OMNIBOX_WEBUI = List.of("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup");

    private final String webDriverName;
    private final boolean local;
    private final List<String> commands;
    private final Duration warmupFloor;
    private final Duration typicalPageSetUp;

    BrowserKind(String webDriverName, boolean local, List<String> commands, long warmupFloorMillis, long typicalPageSetUpMillis) {
        this.webDriverName = webDriverName;
        this.local = local;
        this.commands = commands;
        this.warmupFloor = Duration.ofMillis(warmupFloorMillis);
        this.typicalPageSetUp = Duration.ofMillis(typicalPageSetUpMillis);
    }

    /** The executables on the PATH that are this browser, the preferred first. */
    public List<String> commands() {
        return commands;
    }

    /**
     * The least a page warms up before its iterations may count as steady: the browser's
     * engine can look steady before it has tiered up (or dipped) for the last time.
     */
    public Duration warmupFloor() {
        return warmupFloor;
    }

    /** What a page takes here beside its warm-up and blocks, about: opening, loading, starting the pool, closing (for estimates). */
    public Duration typicalPageSetUp() {
        return typicalPageSetUp;
    }

    /** The W3C {@code browserName} capability a WebDriver endpoint (or Grid) knows the browser by. */
    public String webDriverName() {
        return webDriverName;
    }

    /** Whether parbench can launch it on this machine (Safari and Edge only run through --webdriver-url). */
    public boolean local() {
        return local;
    }

    /** The name on the command line and in results. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The browser of this name (as on the command line), if parbench drives one. */
    public static Optional<BrowserKind> find(String id) {
        return Choices.find(values(), BrowserKind::id, id);
    }

    /** @throws IllegalArgumentException for a name that is not a browser parbench drives */
    public static BrowserKind parse(String id) {
        return Choices.parse("browser", values(), BrowserKind::id, id);
    }

    /** The browsers parbench launches on this machine, in the order "all" runs them. */
    public static List<BrowserKind> locals() {
        return Arrays.stream(values()).filter(BrowserKind::local).toList();
    }

    /** The browsers that run only on another machine, through --webdriver-url. */
    public static List<BrowserKind> remoteOnly() {
        return Arrays.stream(values()).filter(kind -> !kind.local()).toList();
    }

    public static List<String> ids(List<BrowserKind> kinds) {
        return kinds.stream().map(BrowserKind::id).toList();
    }

    /** Every browser's name, for picocli's ${COMPLETION-CANDIDATES} in option descriptions. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ids(List.of(values())).iterator();
        }
    }
}
