package dev.takeaways.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only web page, served from the store: {@code /} (overview), {@code /search}, {@code
 * /note?id=} (a note as read) and {@code /version} (what the page polls to stay live). Every asset
 * is ours: the page loads nothing from elsewhere, and its Content-Security-Policy says so to the
 * browser. Server-rendered with jte templates compiled at build time.
 */
public final class UiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);
  /** How many requests are served at once. */
  public static final int WORKERS = 6;
  private static final String CSP =
      "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self';"
          + " base-uri 'none'; frame-ancestors 'none'";
  private static final Map<String, String> ASSETS = Map.of(
      "/assets/ui.css", "text/css; charset=utf-8",
      "/assets/ui.js", "text/javascript; charset=utf-8",
      "/assets/favicon.svg", "image/svg+xml");

  private final HttpServer server;
  private final ExecutorService executor;
  private final StoreBrowser store;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  public UiServer(InetSocketAddress address, StoreBrowser store) throws IOException {
    this.store = store;
    this.server = HttpServer.create(address, 0);
    this.executor = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, "ui-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code http://host:port/}. */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", "read-only: GET or HEAD\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = ex.getRequestURI().getRawPath();
      try {
        route(ex, path, params(ex.getRequestURI().getRawQuery()));
      } catch (IllegalArgumentException e) {
        page(ex, 400, "problem", Map.of("title", "This address cannot be read", "detail", "Its query is not well encoded: " + e.getMessage()));
      } catch (SQLException e) {
        LOG.warn("the page could not read the store for {}: {}", path, e.getMessage());
        page(ex, 503, "problem", Map.of("title", "The store cannot be read", "detail", String.valueOf(e.getMessage())));
      }
    } catch (IOException e) {
      LOG.debug("a page request ended early: {}", e.getMessage());
    }
  }

  private void route(HttpExchange ex, String path, Map<String, String> params) throws IOException, SQLException {
    switch (path) {
      case "/" -> page(ex, 200, "overview", Map.of("overview", store.overview()));
      case "/search" -> {
        String version = store.version(); // before the question: a change during it makes the page ask again
        page(ex, 200, "search", Map.of("results", store.search(Search.of(params)), "version", version));
      }
      case "/note" -> {
        String id = params.get("id");
        String version = store.version();
        NoteView note = id == null ? null : store.note(id);
        if (note == null) {
          page(ex, 404, "problem", Map.of("title", "No such note", "detail",
              id == null ? "A note is named by ?id=." : "The store has no note " + id + " (it may have been deleted)."));
        } else {
          page(ex, 200, "note", Map.of("note", note, "version", version));
        }
      }
      case "/version" -> {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        send(ex, 200, "text/plain; charset=utf-8", store.version().getBytes(StandardCharsets.UTF_8));
      }
      default -> {
        String type = ASSETS.get(path);
        if (type == null) {
          page(ex, 404, "problem", Map.of("title", "No such page", "detail", "There is nothing at " + path + "."));
        } else {
          ex.getResponseHeaders().set("Cache-Control", "max-age=300");
          send(ex, 200, type, asset(path));
        }
      }
    }
  }

  private void page(HttpExchange ex, int status, String template, Map<String, Object> model) throws IOException {
    StringOutput out = new StringOutput(16 * 1024);
    templates.render(template + ".jte", model, out);
    ex.getResponseHeaders().set("Content-Security-Policy", CSP);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    send(ex, status, "text/html; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] asset(String path) throws IOException {
    try (InputStream in = UiServer.class.getResourceAsStream(path.substring(1))) {
      if (in == null) {
        throw new IOException("asset missing from the jar: " + path);
      }
      return in.readAllBytes();
    }
  }

  /** A query string's parameters (the first of each name), decoded. */
  static Map<String, String> params(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    store.close();
  }
}
