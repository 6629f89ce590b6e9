import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reliability benchmarks' load generator and receivers (bench/load.sh, bench/faults.sh), on loopback.
 *
 * <pre>
 * java -Djdk.httpclient.allowRestrictedHeaders=host bench/LoadUsers.java load PORT TENANTS USERS SECONDS OUTDIR
 * java bench/LoadUsers.java sink SMTP_PORT HTTP_PORT OUTDIR
 * java bench/LoadUsers.java probe PORT HOST PATH SECONDS OUTFILE
 * </pre>
 *
 * <p>{@code load}: USERS simulated users over TENANTS resellers r1…rN.rel.localhost (seeded by
 * bench/load-seed.sql), on a fixed pool of USERS threads (Java 17: no virtual threads). Per tenant, a fifth of
 * the users are agents (agent1, agent2 … @rN.rel.localhost), the others customers (c1 … ). Customers open
 * tickets, read their list, reply to their tickets and press power buttons on their server; agents read
 * the queue and answer tickets (the reseller's ticket page is a stateful Faces view: its view state is read
 * from the page first). Each message carries a unique marker; every marker whose POST got the redirect of
 * success is written to OUTDIR/accepted.tsv, every one sent to OUTDIR/attempted.tsv, every request to
 * OUTDIR/requests.tsv (epoch ms, action, status, latency ms, tenant, note). A user whose session is gone (the
 * portal restarted) signs in again. The users stop after SECONDS or as soon as a file OUTDIR/stop exists.
 * OUTDIR/summary.md gets the figures per action.
 *
 * <p>{@code sink}: an SMTP server that accepts every mail and writes its Message-ID to OUTDIR/smtp.tsv
 * before it answers 250, and an HTTP server that answers 204 to every POST and writes its
 * {@code Webhook-Id} to OUTDIR/webhooks.tsv.
 *
 * <p>{@code probe}: GETs one page (signed out) every 200 ms and writes epoch ms, status, latency ms.
 */
public class LoadUsers {

    static final String PASSWORD = "demo-password";
    static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    static final Pattern REPLY_FORM = Pattern.compile("<form id=\"reply\"[^>]*action=\"([^\"]+)\"");
    static final Pattern TICKET_LINK = Pattern.compile("/reseller/ticket\\?n=(\\d+)");
    static final Pattern NEW_TICKET = Pattern.compile("/customer/ticket\\?n=(\\d+)");
    static final Pattern STACK_TRACE = Pattern.compile("\\tat [a-z]|Exception:|\\.java:\\d+\\)");

    public static void main(String[] args) throws Exception {
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        switch (args[0]) {
            case "load" -> new LoadUsers(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Path.of(args[5])).run();
            case "sink" -> sink(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "probe" -> probe(Integer.parseInt(args[1]), args[2], args[3], Integer.parseInt(args[4]), Path.of(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // --- load ---------------------------------------------------------------------------------

    final int port;
    final int tenants;
    final int users;
    final int seconds;
    final Path out;
    final long thinkMillis = Long.parseLong(System.getenv().getOrDefault("THINK_MS", "1000"));
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    /** per tenant: ticket numbers the agents answer (seeded ones and those customers open) */
    final Map<Integer, List<Long>> openTickets = new ConcurrentHashMap<>();
    final PrintWriter requests;
    final PrintWriter accepted;
    final PrintWriter attempted;
    final AtomicLong traces = new AtomicLong();
    final AtomicLong signInFailures = new AtomicLong();
    final AtomicLong themed5xx = new AtomicLong();
    final AtomicLong bare5xx = new AtomicLong();
    volatile long deadline;

    LoadUsers(int port, int tenants, int users, int seconds, Path out) throws IOException {
        this.port = port;
        this.tenants = tenants;
        this.users = users;
        this.seconds = seconds;
        this.out = out;
        Files.createDirectories(out);
        requests = writer(out.resolve("requests.tsv"));
        accepted = writer(out.resolve("accepted.tsv"));
        attempted = writer(out.resolve("attempted.tsv"));
    }

    static PrintWriter writer(Path file) throws IOException {
        return new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), true);
    }

    void run() throws Exception {
        int perTenant = Math.max(1, users / tenants);
        int customersSeeded = Integer.parseInt(System.getenv().getOrDefault("SEED_CUSTOMERS", "10"));
        for (int t = 1; t <= tenants; t++) {
            List<Long> list = new CopyOnWriteArrayList<>();
            for (long n = 1; n <= customersSeeded; n++) {
                list.add(n);
            }
            openTickets.put(t, list);
        }
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long started = System.currentTimeMillis();
        deadline = started + seconds * 1000L;
        for (int u = 0; u < users; u++) {
            int tenant = u % tenants + 1;
            int index = u / tenants; // 0 … perTenant-1 within the tenant
            int agents = Math.max(1, perTenant / 5);
            boolean agent = index < agents;
            int number = agent ? index + 1 : index - agents + 1;
            User user = new User(tenant, agent, number);
            pool.execute(() -> {
                // spread the first sign-ins over the first seconds
                pause(ThreadLocalRandom.current().nextLong(Math.min(10_000, seconds * 200L) + 1));
                while (System.currentTimeMillis() < deadline && !Files.exists(out.resolve("stop"))) {
                    try {
                        user.step();
                    } catch (Exception e) {
                        record(user.tenant, "exception", 0, 0, e.getClass().getSimpleName());
                    }
                    pause(thinkMillis / 2 + ThreadLocalRandom.current().nextLong(thinkMillis + 1));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        pool.shutdownNow();
        requests.close();
        accepted.close();
        attempted.close();
        summary(System.currentTimeMillis() - started);
    }

    final class User {
        final int tenant;
        final boolean agent;
        final String host;
        final String email;
        final List<Long> mine = new ArrayList<>();
        final long server;
        String sid;

        User(int tenant, boolean agent, int number) {
            this.tenant = tenant;
            this.agent = agent;
            this.host = "r" + tenant + ".rel.localhost";
            this.email = (agent ? "agent" + number : "c" + number) + "@r" + tenant + ".rel.localhost";
            // the seed gives customer c<k> ticket number k and server 30000000000 + (t-1)*1000 + k
            this.server = 30_000_000_000L + (tenant - 1) * 1000L + number;
            if (!agent) {
                mine.add((long) number);
            }
        }

        void step() throws Exception {
            if (sid == null && !signIn()) {
                return;
            }
            int dice = ThreadLocalRandom.current().nextInt(100);
            if (agent) {
                if (dice < 30) {
                    get("agent-queue", "/reseller/tickets");
                } else {
                    answer();
                }
            } else if (dice < 15) {
                open();
            } else if (dice < 40) {
                get("customer-tickets", "/customer/tickets");
            } else if (dice < 75) {
                reply();
            } else {
                power(dice < 85);
            }
        }

        boolean signIn() throws Exception {
            Response r = send("sign-in", post("/login", form("login", "login", "email", email, "password", PASSWORD,
                    "submit", "Sign in", "jakarta.faces.ViewState", "stateless")));
            String cookie = r.headers.firstValue("set-cookie").orElse("");
            for (String c : r.headers.allValues("set-cookie")) {
                if (c.startsWith("sid=")) {
                    cookie = c;
                }
            }
            if (r.status != 302 && signInFailures.getAndIncrement() == 0) {
                Files.writeString(out.resolve("sign-in-failure.html"), r.status + "\n" + r.headers + "\n" + r.body);
            }
            if (r.status == 302 && cookie.startsWith("sid=")) {
                sid = cookie.substring(4, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
                return true;
            }
            return false;
        }

        String get(String action, String path) throws Exception {
            Response r = send(action, HttpRequest.newBuilder(uri(path)).GET());
            if (r.status == 302 && r.location().contains("/login")) {
                sid = null;
                return null;
            }
            return r.status == 200 ? r.body : null;
        }

        void open() throws Exception {
            String marker = marker();
            Multipart m = new Multipart().field("ticket", "ticket").field("ticket:department", String.valueOf(department()))
                    .field("ticket:subject", "Load test " + marker.substring(4, 12)).field("ticket:priority", "NORMAL")
                    .field("ticket:related", "").field("ticket:body", "The server is slow again. " + marker)
                    .file("ticket:files").field("ticket:submit", "Send the ticket").field("jakarta.faces.ViewState", "stateless");
            Response r = sendMessage("ticket-open", marker, m.post("/customer/new-ticket"), NEW_TICKET);
            if (r != null) {
                Matcher n = NEW_TICKET.matcher(r.location());
                if (n.find()) {
                    long number = Long.parseLong(n.group(1));
                    mine.add(number);
                    openTickets.get(tenant).add(number);
                }
            }
        }

        void reply() throws Exception {
            long n = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
            if (get("customer-ticket", "/customer/ticket?n=" + n) == null) {
                return;
            }
            String marker = marker();
            Multipart m = new Multipart().field("n", String.valueOf(n)).field("reply", "reply")
                    .field("reply:body", "Any news? " + marker).file("reply:files").field("reply:send", "Send")
                    .field("jakarta.faces.ViewState", "stateless");
            sendMessage("customer-reply", marker, m.post("/customer/ticket?n=" + n), Pattern.compile("/customer/ticket"));
        }

        void answer() throws Exception {
            List<Long> open = openTickets.get(tenant);
            long n = open.get(ThreadLocalRandom.current().nextInt(Math.max(1, open.size() - 30), open.size()));
            String page = get("agent-ticket", "/reseller/ticket?n=" + n);
            if (page == null) {
                return;
            }
            Matcher state = VIEW_STATE.matcher(page);
            Matcher action = REPLY_FORM.matcher(page);
            if (!state.find() || !action.find()) {
                record(tenant, "agent-reply", -1, 0, "no reply form");
                return;
            }
            String marker = marker();
            Multipart m = new Multipart().field("reply", "reply").field("reply:body", "We are on it. " + marker)
                    .field("reply:visibility", "PUBLIC").file("reply:files").field("reply:send", "Send")
                    .field("jakarta.faces.ViewState", unescape(state.group(1)));
            sendMessage("agent-reply", marker, m.post(unescape(action.group(1))), Pattern.compile("/reseller/ticket"));
        }

        void power(boolean act) throws Exception {
            if (get("customer-server", "/customer/server?id=" + server) == null || !act) {
                return;
            }
            Response r = send("power-action", post("/customer/server?id=" + server, form("power-actions", "power-actions",
                    "id", String.valueOf(server), "power-on", "Power on", "jakarta.faces.ViewState", "stateless")));
            signedOut(r);
        }

        /** POSTs a message; the redirect to {@code success} means accepted. */
        Response sendMessage(String action, String marker, HttpRequest.Builder request, Pattern success) throws Exception {
            attempted.println(marker + "\t" + action + "\t" + tenant + "\t" + System.currentTimeMillis());
            Response r = send(action, request);
            if (r.status == 302 && success.matcher(r.location()).find() && !r.location().contains("/login")) {
                accepted.println(marker + "\t" + action + "\t" + tenant + "\t" + System.currentTimeMillis());
                return r;
            }
            signedOut(r);
            return null;
        }

        void signedOut(Response r) {
            if (r.status == 302 && r.location().contains("/login")) {
                sid = null;
            }
        }

        long department() {
            return 30_000_000_000L + tenant;
        }

        HttpRequest.Builder post(String path, String body) {
            return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        Response send(String action, HttpRequest.Builder request) throws Exception {
            request.header("Host", host + ":" + port).timeout(Duration.ofSeconds(60));
            if (sid != null) {
                request.header("Cookie", "sid=" + sid);
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                String note = "";
                if (r.statusCode() >= 500) {
                    boolean trace = STACK_TRACE.matcher(r.body()).find();
                    boolean themed = r.body().contains("id=\"error-500\"");
                    (trace ? traces : themed ? themed5xx : bare5xx).incrementAndGet();
                    note = trace ? "stack-trace" : themed ? "themed" : "bare";
                }
                record(tenant, action, r.statusCode(), ms, note);
                return new Response(r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                record(tenant, action, 0, ms, e.getClass().getSimpleName());
                return new Response(0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true), "");
            }
        }

        class Multipart {
            final String boundary = "----marqueload" + UUID.randomUUID().toString().replace("-", "");
            final StringBuilder body = new StringBuilder();

            Multipart field(String name, String value) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n");
                return this;
            }

            Multipart file(String name) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n");
                return this;
            }

            HttpRequest.Builder post(String path) {
                String text = body + "--" + boundary + "--\r\n";
                return HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            }
        }
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        String location() {
            return headers.firstValue("location").orElse("");
        }
    }

    static String marker() {
        return "MRK-" + UUID.randomUUID();
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#58;", ":").replace("&quot;", "\"");
    }

    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    void record(int tenant, String action, int status, long ms, String note) {
        latencies.computeIfAbsent(action, a -> new ConcurrentLinkedQueue<>()).add(ms);
        statuses.computeIfAbsent(action + "\t" + status, a -> new AtomicLong()).incrementAndGet();
        requests.println(System.currentTimeMillis() + "\t" + action + "\t" + status + "\t" + ms + "\t" + tenant + "\t" + note);
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void summary(long elapsedMs) throws IOException {
        StringBuilder s = new StringBuilder();
        long total = 0;
        Map<String, Map<Integer, Long>> byAction = new TreeMap<>();
        statuses.forEach((k, v) -> {
            String[] p = k.split("\t");
            byAction.computeIfAbsent(p[0], a -> new TreeMap<>()).put(Integer.parseInt(p[1]), v.get());
        });
        s.append("| action | requests | answers by status | p50 | p95 | p99 | max |\n|---|---:|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<Integer, Long>> e : byAction.entrySet()) {
            List<Long> l = new ArrayList<>(latencies.get(e.getKey()));
            Collections.sort(l);
            long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            total += n;
            StringBuilder codes = new StringBuilder();
            e.getValue().forEach((code, count) -> codes.append(codes.length() > 0 ? ", " : "")
                    .append(code == 0 ? "no answer" : code == 429 ? "429 (rate limit)" : code == -1 ? "no form" : code)
                    .append(": ").append(count));
            s.append("| ").append(e.getKey()).append(" | ").append(n).append(" | ").append(codes).append(" | ")
                    .append(pct(l, 50)).append(" ms | ").append(pct(l, 95)).append(" ms | ").append(pct(l, 99))
                    .append(" ms | ").append(l.isEmpty() ? 0 : l.get(l.size() - 1)).append(" ms |\n");
        }
        s.append("\n").append(total).append(" requests in ").append(elapsedMs / 1000).append(" s (")
                .append(String.format("%.1f", total * 1000.0 / elapsedMs)).append(" req/s); 5xx answers: ")
                .append(themed5xx.get()).append(" the themed error page, ").append(bare5xx.get()).append(" other, ")
                .append(traces.get()).append(" with a stack trace.\n");
        Files.writeString(out.resolve("summary.md"), s.toString());
        System.out.print(s);
    }

    static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    // --- sink -----------------------------------------------------------------------------------

    static void sink(int smtpPort, int httpPort, Path out) throws Exception {
        Files.createDirectories(out);
        PrintWriter mails = writer(out.resolve("smtp.tsv"));
        PrintWriter hooks = writer(out.resolve("webhooks.tsv"));
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", httpPort), 64);
        server.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("Webhook-Id");
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = new String(body, StandardCharsets.UTF_8).replaceAll("(?s).*\"type\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            synchronized (hooks) {
                hooks.println(id + "\t" + (type.length() < 64 ? type : "?") + "\t" + System.currentTimeMillis());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        ExecutorService smtp = Executors.newCachedThreadPool();
        try (ServerSocket listener = new ServerSocket()) {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress("127.0.0.1", smtpPort));
            System.out.println("sink: SMTP on " + smtpPort + ", webhooks on " + httpPort);
            while (true) {
                Socket socket = listener.accept();
                smtp.execute(() -> smtpSession(socket, mails));
            }
        }
    }

    static void smtpSession(Socket socket, PrintWriter mails) {
        try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream raw = socket.getOutputStream()) {
            socket.setSoTimeout(60_000);
            BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.ISO_8859_1));
            reply(w, "220 sink ESMTP");
            String line;
            int recipients = 0;
            while ((line = in.readLine()) != null) {
                String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (cmd) {
                    case "EHLO" -> reply(w, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply(w, "250 sink");
                    case "MAIL" -> { recipients = 0; reply(w, "250 OK"); }
                    case "RCPT" -> { recipients++; reply(w, "250 OK"); }
                    case "RSET", "NOOP" -> reply(w, "250 OK");
                    case "QUIT" -> { reply(w, "221 bye"); return; }
                    case "DATA" -> {
                        reply(w, "354 go on");
                        String messageId = "?";
                        boolean headers = true;
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            if (headers && d.isEmpty()) {
                                headers = false;
                            } else if (headers && d.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                messageId = d.substring(11).trim();
                            }
                        }
                        synchronized (mails) {
                            mails.println(messageId + "\t" + recipients + "\t" + System.currentTimeMillis());
                        }
                        reply(w, "250 OK queued");
                    }
                    default -> reply(w, "502 not here");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void reply(BufferedWriter w, String text) throws IOException {
        w.write(text);
        w.write("\r\n");
        w.flush();
    }

    // --- probe ----------------------------------------------------------------------------------

    static void probe(int port, String host, String path, int seconds, Path outFile) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        try (PrintWriter w = writer(outFile)) {
            long end = System.currentTimeMillis() + seconds * 1000L;
            while (System.currentTimeMillis() < end) {
                long t0 = System.nanoTime();
                int status;
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Host", host + ":" + port).timeout(Duration.ofSeconds(60)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = 0;
                }
                w.println(System.currentTimeMillis() + "\t" + status + "\t" + (System.nanoTime() - t0) / 1_000_000);
                pause(200);
            }
        }
    }
}
