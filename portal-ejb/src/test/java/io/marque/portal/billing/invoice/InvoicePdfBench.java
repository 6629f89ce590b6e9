package io.marque.portal.billing.invoice;

import com.sun.management.ThreadMXBean;
import io.marque.portal.billing.Money;
import io.marque.portal.document.PdfDocuments;
import io.marque.portal.tenant.TenantSnapshot;
import io.marque.portal.tenant.Themes;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Issue 5's invoice benchmark: renders many invoice PDFs with {@link InvoicePdf} on a few threads, each
 * thread with a renderer of its own and all sharing the themes (as the application does), and reports
 * PDFs per second, time per PDF, PDF size, allocation and heap. Run by {@code bench/invoices.sh}; the
 * figures go to standard output as {@code key=value} lines after a human-readable summary.
 *
 * <p>The invoices vary as real ones do: 1 to 8 lines, English and Russian readers alternating, three
 * brands (themes aurora, harbor, base), one in 20 paid, one in 50 with a late fee, one in 25 a credit
 * note. Every 500th PDF is read back and must contain its own number and total, so a renderer that
 * mixed up documents between threads would fail the run rather than speed it up.
 *
 * <p>Settings (system properties): {@code invoices} (200000), {@code threads} (2), {@code warmup} (PDFs
 * per thread rendered before measuring, 1500), {@code samples} (a directory to write one English and one
 * Russian PDF to; none by default).
 */
public final class InvoicePdfBench {

    private static final int CHECK_EVERY = 500;

    private InvoicePdfBench() {
    }

    public static void main(String[] args) throws Exception {
        int invoices = Integer.getInteger("invoices", 200_000);
        int threads = Integer.getInteger("threads", 2);
        int warmup = Integer.getInteger("warmup", 1_500);
        String samples = System.getProperty("samples");

        Themes themes = InvoiceSamples.themes();
        List<TenantSnapshot> brands = List.of(brand(41L, "aurora", "Acme Cloud"), brand(42L, "harbor", "Bluebird Hosting"),
                brand(43L, "base", "Cumulus Servers"));
        if (samples != null) {
            writeSamples(themes, brands.get(0), Path.of(samples));
        }

        // warm-up: the same work, not measured, so the JIT has compiled the renderer before the clock starts
        run(themes, brands, threads, warmup * threads, 1_000_000_000L, null);
        System.gc();
        resetPeaks();
        Gc before = Gc.now();
        ThreadMXBean allocation = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        HeapSampler sampler = new HeapSampler();
        sampler.start();

        long started = System.nanoTime();
        Result result = run(themes, brands, threads, invoices, 0, allocation);
        long elapsed = System.nanoTime() - started;

        sampler.stop();
        Gc after = Gc.now();
        long[] times = result.times();
        Arrays.sort(times);
        double seconds = elapsed / 1e9;
        long heapPeak = heapPoolPeaks();
        long liveAfterGc = oldGenAfterLastCollection();
        long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        long gcCount = after.count - before.count;
        long gcMillis = after.millis - before.millis;
        long rssPeakKb = procStatusKb("VmHWM");

        System.out.printf(Locale.ROOT, "%,d invoice PDFs on %d threads in %.1f s: %.0f PDFs/s%n", invoices, threads, seconds,
                invoices / seconds);
        System.out.printf(Locale.ROOT, "per PDF: p50 %.2f ms, p99 %.2f ms, max %.1f ms (one thread's time); %.1f KiB on average; "
                + "%.0f KiB allocated%n", millis(percentile(times, 50)), millis(percentile(times, 99)),
                millis(times[times.length - 1]), result.bytes() / 1024.0 / invoices,
                result.allocated() / 1024.0 / invoices);
        System.out.printf(Locale.ROOT, "heap: max %d MiB, peak used %d MiB (sampled %d MiB), old generation after its last "
                + "collection %d MiB; %d collections taking %d ms (%.1f %% of the run); peak resident %d MiB%n",
                maxHeap >> 20, heapPeak >> 20, sampler.peak() >> 20, liveAfterGc >> 20, gcCount, gcMillis,
                100.0 * gcMillis / (elapsed / 1e6), rssPeakKb >> 10);
        System.out.printf(Locale.ROOT, "checked %d PDFs by reading them back%n", result.checked());

        System.out.println("invoices=" + invoices);
        System.out.println("threads=" + threads);
        System.out.println("warmup_per_thread=" + warmup);
        System.out.printf(Locale.ROOT, "seconds=%.1f%n", seconds);
        System.out.printf(Locale.ROOT, "pdfs_per_second=%.0f%n", invoices / seconds);
        System.out.printf(Locale.ROOT, "p50_ms=%.2f%n", millis(percentile(times, 50)));
        System.out.printf(Locale.ROOT, "p99_ms=%.2f%n", millis(percentile(times, 99)));
        System.out.printf(Locale.ROOT, "max_ms=%.1f%n", millis(times[times.length - 1]));
        System.out.printf(Locale.ROOT, "avg_kib=%.1f%n", result.bytes() / 1024.0 / invoices);
        System.out.printf(Locale.ROOT, "total_mib=%.0f%n", result.bytes() / 1024.0 / 1024.0);
        System.out.printf(Locale.ROOT, "alloc_kib_per_pdf=%.0f%n", result.allocated() / 1024.0 / invoices);
        System.out.println("heap_max_mib=" + (maxHeap >> 20));
        System.out.println("heap_peak_mib=" + (heapPeak >> 20));
        System.out.println("heap_sampled_peak_mib=" + (sampler.peak() >> 20));
        System.out.println("old_after_gc_mib=" + (liveAfterGc >> 20));
        System.out.println("gc_count=" + gcCount);
        System.out.println("gc_ms=" + gcMillis);
        System.out.println("rss_peak_mib=" + (rssPeakKb >> 10));
        System.out.println("checked=" + result.checked());
    }

    private record Result(long[] times, long bytes, long allocated, long checked) {
    }

    /** Renders invoices {@code offset} … {@code offset + count - 1}, split between the threads. */
    private static Result run(Themes themes, List<TenantSnapshot> brands, int threads, int count, long offset,
            ThreadMXBean allocation) throws InterruptedException {
        long[] times = new long[count];
        AtomicLong bytes = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicLong checked = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            Thread worker = new Thread(() -> {
                try {
                    InvoicePdf renderer = new InvoicePdf(new PdfDocuments(themes), themes);
                    long allocatedBefore = allocation == null ? 0 : allocation.getCurrentThreadAllocatedBytes();
                    long ownBytes = 0;
                    for (int i = first; i < count && failure.get() == null; i += threads) {
                        long n = offset + i;
                        InvoiceDocument invoice = invoice(n);
                        Locale locale = n % 2 == 0 ? Locale.ENGLISH : Locale.forLanguageTag("ru");
                        long start = System.nanoTime();
                        byte[] pdf = renderer.render(brands.get((int) (n % brands.size())), locale, invoice);
                        times[i] = System.nanoTime() - start;
                        ownBytes += pdf.length;
                        if (i % CHECK_EVERY == 0) {
                            check(pdf, invoice, locale);
                            checked.incrementAndGet();
                        }
                    }
                    if (allocation != null) {
                        allocated.addAndGet(allocation.getCurrentThreadAllocatedBytes() - allocatedBefore);
                    }
                    bytes.addAndGet(ownBytes);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "invoice-pdf-" + t);
            worker.start();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("A renderer failed", failure.get());
        }
        return new Result(times, bytes.get(), allocated.get(), checked.get());
    }

    /** The PDF holds its own number and total, not another thread's. */
    private static void check(byte[] pdf, InvoiceDocument invoice, Locale locale) {
        String text = InvoiceSamples.text(pdf);
        String total = InvoicePdf.amount(invoice.total(), locale).replaceAll("[\u00a0\u202f]", " ");
        if (!text.contains(invoice.number()) || !text.contains(total)) {
            throw new IllegalStateException("PDF of " + invoice.number() + " lacks its number or total " + total + ":\n" + text);
        }
    }

    private static final String[] PRODUCTS = {"Dedicated server DS-%d, %s", "Virtual server VPS-%d, %s",
        "Extra IPv4 address (%d), %s", "Additional RAM %d GB, %s", "Control panel licence #%d, %s",
        "Backup storage %d GB, %s", "Managed service hours (ticket %d), %s", "SSL certificate (order %d), %s"};
    private static final String[] UNITS = {"89.00", "12.50", "3.00", "8.40", "15.00", "0.05", "60.00", "49.90"};

    /** The {@code n}-th invoice: its lines, kind, status and fee follow from {@code n} alone. */
    static InvoiceDocument invoice(long n) {
        int lineCount = 1 + (int) (n % 8);
        boolean credit = n % 25 == 24;
        List<InvoiceDocument.Line> lines = new ArrayList<>(lineCount);
        for (int l = 0; l < lineCount; l++) {
            int product = (int) ((n + l) % PRODUCTS.length);
            int quantity = product == 5 ? 100 + (int) (n % 400) : 1 + (int) ((n + l) % 3);
            Money unit = new Money(new BigDecimal(UNITS[product]), "EUR");
            if (credit) {
                unit = unit.negate();
                quantity = 1;
            }
            lines.add(new InvoiceDocument.Line(String.format(Locale.ROOT, PRODUCTS[product], 16 + (n + l) % 240,
                    "1–30 November 2026"), quantity, unit, unit.times(quantity)));
        }
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(InvoiceDocument.Line::amount).toList(), "EUR", "VAT",
                new BigDecimal("19"));
        Money lateFee = !credit && n % 50 == 7 ? new Money(new BigDecimal("25.00"), "EUR") : Money.zero("EUR");
        boolean paid = !credit && n % 20 == 3;
        String number = String.format(Locale.ROOT, "ACME-%06d", n % 1_000_000);
        return new InvoiceDocument(credit ? InvoiceKind.CREDIT_NOTE : InvoiceKind.CUSTOMER, number,
                paid ? InvoiceStatus.PAID : InvoiceStatus.ISSUED, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15),
                n % 100 == 11 ? LocalDate.of(2026, 11, 29) : null, "EUR", InvoiceSamples.issuer(),
                InvoiceDocument.Recipient.person("Customer " + (n % 100_000), n % 3 == 0 ? "Company " + (n % 977) + " Ltd" : null,
                        "customer" + (n % 100_000) + "@example.com"),
                lines, totals.subtotal(), totals.taxLabel(), totals.taxRate(), totals.tax(), lateFee,
                totals.total().plus(lateFee), paid ? Instant.parse("2026-11-10T09:15:00Z") : null,
                credit ? String.format(Locale.ROOT, "ACME-%06d", (n - 1) % 1_000_000) : null);
    }

    private static TenantSnapshot brand(long id, String theme, String name) {
        TenantSnapshot base = InvoiceSamples.reseller(theme);
        return new TenantSnapshot(id, base.kind(), base.slug() + id, base.name() + id, base.status(), theme,
                base.defaultLocale(), base.timeZone(), base.currency(), false, false, base.primaryHost(), name,
                base.supportEmail(), base.colorPrimary(), base.colorAccent(), name + " · billing@" + base.primaryHost(),
                null, null, base.brandHash());
    }

    private static void writeSamples(Themes themes, TenantSnapshot brand, Path dir) throws Exception {
        Files.createDirectories(dir);
        InvoicePdf renderer = new InvoicePdf(new PdfDocuments(themes), themes);
        Files.write(dir.resolve("invoice-en.pdf"), renderer.render(brand, Locale.ENGLISH, invoice(7)));
        Files.write(dir.resolve("invoice-ru.pdf"), renderer.render(brand, Locale.forLanguageTag("ru"), invoice(7)));
        Files.write(dir.resolve("credit-note-en.pdf"), renderer.render(brand, Locale.ENGLISH, invoice(24)));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
    private static long heapPoolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** What the old generation held right after its last collection: close to the live data. */
    private static long oldGenAfterLastCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName().toLowerCase(Locale.ROOT);
            MemoryUsage usage = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && (name.contains("old") || name.contains("tenured")) && usage != null) {
                return usage.getUsed();
            }
        }
        return -1;
    }

    private static long procStatusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return -1;
    }

    private record Gc(long count, long millis) {
        static Gc now() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
                millis += Math.max(0, gc.getCollectionTime());
            }
            return new Gc(count, millis);
        }
    }

    /** Samples the heap in use every 20 ms: the peak a monitoring tool would have seen. */
    private static final class HeapSampler implements Runnable {

        private final Thread thread = new Thread(this, "heap-sampler");
        private volatile boolean running = true;
        private volatile long peak;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak;
        }

        @Override
        public void run() {
            while (running) {
                long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
