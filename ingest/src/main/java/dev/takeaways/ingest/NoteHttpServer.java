package dev.takeaways.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.takeaways.model.RawNote;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /notes} for other services (a chat bot, say): the body is the note's Markdown, its id
 * the {@code X-Note-Id} header or the {@code id} query parameter. Answers 202 once the note is on
 * {@code notes.raw}; otherwise a JSON error: 400 (no id, or a note the validator refuses: empty,
 * binary, not UTF-8), 413 (over the size limit), 415 (not a text type), 405, 404, 503 (Kafka
 * unreachable). Binds 127.0.0.1 unless told otherwise.
 */
public final class NoteHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NoteHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  /** How many requests are served at once: a slow client holds one worker, not the endpoint. */
  static final int WORKERS = 16;

  private final ExecutorService executor = Executors.newFixedThreadPool(WORKERS, r -> {
    Thread t = new Thread(r, "takeaways-http-ingest");
    t.setDaemon(true);
    return t;
  });
  private final NoteIngestor ingestor;
  private final Function<String, String> ownerOf;
  private final DiskSpace diskSpace;
  private final int maxBytes;

  public NoteHttpServer(InetSocketAddress address, NoteIngestor ingestor, int maxBytes) throws IOException {
    this(address, ingestor, maxBytes, id -> null);
  }

  /**
   * @param ownerOf for a note id that another source holds, what holds it ("the watched folder",
   *     "git"), or null when a POST may write it: a POST never replaces another source's note
   */
  public NoteHttpServer(InetSocketAddress address, NoteIngestor ingestor, int maxBytes, Function<String, String> ownerOf)
      throws IOException {
    this(address, ingestor, maxBytes, ownerOf, null);
  }

  /** @param diskSpace the data folder's watermark: under it, a note is refused with 507 (null: none) */
  public NoteHttpServer(InetSocketAddress address, NoteIngestor ingestor, int maxBytes, Function<String, String> ownerOf,
      DiskSpace diskSpace) throws IOException {
    this.diskSpace = diskSpace;
    this.ownerOf = ownerOf;
    this.ingestor = ingestor;
    this.maxBytes = maxBytes;
    this.server = HttpServer.create(address, 0);
    server.createContext("/notes", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Where it listens (the port chosen, when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/notes")) {
        answer(exchange, 404, error("not-found", "only /notes is here"));
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        answer(exchange, 405, error("method", "POST a note's Markdown to /notes"));
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/")) {
        answer(exchange, 415, error("content-type", "send the note as text/markdown or text/plain, not " + type));
        return;
      }
      String id = exchange.getRequestHeaders().getFirst("X-Note-Id");
      if (id == null) {
        id = query(exchange).get("id");
      }
      if (id == null || id.isBlank()) {
        answer(exchange, 400, error("no-id", "name the note with an X-Note-Id header or ?id="));
        return;
      }
      if (diskSpace != null && diskSpace.low()) {
        answer(exchange, 507, error("disk-full", "not taken now: " + diskSpace.why() + "; send it again later"));
        return;
      }
      String owner = ownerOf.apply(id);
      if (owner != null) {
        answer(exchange, 409, error("id-taken", id + " is a note from " + owner + ": change it there, or post under another id"));
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        answer(exchange, 413, error("too-large", id + ": over the limit of " + maxBytes + " bytes"));
        return;
      }
      String from = exchange.getRemoteAddress().getAddress().getHostAddress();
      NoteIngestor.Outcome outcome = ingestor.ingest(id, id, new RawNote.Source(RawNote.Source.HTTP, from), body);
      if (outcome instanceof NoteIngestor.Outcome.Rejected rejected) {
        answer(exchange, 400, error(rejected.reason(), rejected.detail()));
        return;
      }
      Map<String, Object> ok = new LinkedHashMap<>();
      ok.put("id", id);
      ok.put("status", "accepted");
      answer(exchange, 202, ok);
    } catch (NoteSink.SinkException e) {
      answer(exchange, 503, error("kafka", e.getMessage()));
    } catch (IOException e) {
      // The client went away or sent less than it announced (the server's time limit cut it off).
      LOG.warn("POST /notes from {}: the request could not be read: {}", exchange.getRemoteAddress().getAddress().getHostAddress(), e.toString());
    } catch (RuntimeException e) {
      LOG.warn("POST /notes failed: {}", e.toString());
      answer(exchange, 500, error("internal", e.getMessage()));
    }
  }

  private static Map<String, Object> error(String reason, String detail) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("error", reason);
    out.put("detail", detail);
    return out;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new LinkedHashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
