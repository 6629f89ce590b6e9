package io.marque.portal.server.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSeriesTest {

    /** 1 Mbit/s for 5 minutes: 300 Mbit. */
    private static final long ONE_MBIT_SAMPLE = 37_500_000L;

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    @Test
    void aDayIsTwentyFourHoursAlignedToTheHourEndingNow() {
        TrafficSeries day = TrafficSeries.of(List.of(), TrafficRange.DAY, at("2026-11-25T10:07:00Z"));
        List<TrafficBucket> buckets = day.buckets();
        assertEquals(24, buckets.size());
        assertEquals(at("2026-11-24T11:00:00Z"), day.start());
        assertEquals(at("2026-11-24T12:00:00Z"), buckets.get(0).end());
        assertEquals(at("2026-11-25T10:00:00Z"), buckets.get(23).start());
        assertEquals(at("2026-11-25T10:07:00Z"), buckets.get(23).end(), "the newest bucket ends now");
        assertEquals(at("2026-11-25T10:07:00Z"), day.end());
        for (int i = 1; i < buckets.size(); i++) {
            assertEquals(buckets.get(i - 1).end(), buckets.get(i).start());
        }
    }

    @Test
    void nowOnABoundaryEndsAFullBucket() {
        TrafficSeries day = TrafficSeries.of(List.of(), TrafficRange.DAY, at("2026-11-25T10:00:00Z"));
        assertEquals(at("2026-11-24T10:00:00Z"), day.start());
        assertEquals(at("2026-11-25T09:00:00Z"), day.buckets().get(23).start());
    }

    @Test
    void aWeekIsSixHourBucketsAndAMonthIsDays() {
        TrafficSeries week = TrafficSeries.of(List.of(), TrafficRange.WEEK, at("2026-11-25T10:07:00Z"));
        assertEquals(28, week.buckets().size());
        assertEquals(at("2026-11-18T12:00:00Z"), week.start());
        assertEquals(at("2026-11-25T06:00:00Z"), week.buckets().get(27).start());

        TrafficSeries month = TrafficSeries.of(List.of(), TrafficRange.MONTH, at("2026-11-25T10:07:00Z"));
        assertEquals(30, month.buckets().size());
        assertEquals(at("2026-10-27T00:00:00Z"), month.start());
        assertEquals(at("2026-11-25T00:00:00Z"), month.buckets().get(29).start());
    }

    @Test
    void samplesCountForTheBucketTheirIntervalEndsIn() {
        List<TrafficSample> samples = new ArrayList<>();
        for (int minute = 5; minute <= 60; minute += 5) {
            // 09:05 … 10:00: the twelve intervals of the hour 09:00–10:00
            samples.add(new TrafficSample(at("2026-11-25T09:00:00Z").plusSeconds(minute * 60L), 1_000, ONE_MBIT_SAMPLE));
        }
        samples.add(new TrafficSample(at("2026-11-25T10:05:00Z"), 7, ONE_MBIT_SAMPLE));
        TrafficSeries day = TrafficSeries.of(samples, TrafficRange.DAY, at("2026-11-25T10:07:00Z"));

        TrafficBucket nine = day.buckets().get(22);
        assertEquals(at("2026-11-25T09:00:00Z"), nine.start());
        assertEquals(12_000, nine.receivedBytes());
        assertEquals(12 * ONE_MBIT_SAMPLE, nine.transmittedBytes());
        assertEquals(12, nine.samples());
        assertEquals(1.0, nine.transmittedMbps(), 1e-9, "12 × 300 Mbit in 3600 s");
        assertEquals(12_000 * 8 / 3600.0 / 1e6, nine.receivedMbps(), 1e-12);
        assertEquals(0, day.buckets().get(21).samples());
        assertEquals(0, day.buckets().get(21).transmittedMbps());

        TrafficBucket now = day.buckets().get(23);
        assertEquals(7, now.receivedBytes());
        assertEquals(1.0, now.transmittedMbps(), 1e-9, "averaged over the time measured, not the 7 minutes");
        assertEquals(7 * 8 / 300.0 / 1e6, now.receivedMbps(), 1e-12);

        assertEquals(13, day.sampleCount());
        assertEquals(12_007, day.receivedBytes());
        assertEquals(13 * ONE_MBIT_SAMPLE, day.transmittedBytes());
        assertEquals(1.0, day.peakMbps(), 1e-9);
    }

    @Test
    void samplesOutsideTheRangeAreIgnored() {
        List<TrafficSample> samples = List.of(
                new TrafficSample(at("2026-11-24T11:00:00Z"), 1, 1), // ends the interval before the first bucket
                new TrafficSample(at("2026-11-20T11:00:00Z"), 1, 1),
                new TrafficSample(at("2026-11-25T10:10:00Z"), 1, 1), // after now
                new TrafficSample(at("2026-11-24T11:05:00Z"), 5, 6), // the first one inside
                new TrafficSample(at("2026-11-25T10:07:00Z"), 50, 60)); // exactly now: inside
        TrafficSeries day = TrafficSeries.of(samples, TrafficRange.DAY, at("2026-11-25T10:07:00Z"));
        assertEquals(2, day.sampleCount());
        assertEquals(55, day.receivedBytes());
        assertEquals(66, day.transmittedBytes());
        assertEquals(5, day.buckets().get(0).receivedBytes());
        assertEquals(50, day.buckets().get(23).receivedBytes());
    }

    @Test
    void theNinetyFifthPercentileDropsTheTopFivePercentOfFiveMinuteRates() {
        List<TrafficSample> samples = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // rates 1 … 20 Mbit/s out, in shuffled order; 2 × that in
            int mbit = (i * 7) % 20 + 1;
            samples.add(new TrafficSample(at("2026-11-25T08:00:00Z").plusSeconds(300L * i), 2 * mbit * ONE_MBIT_SAMPLE,
                    mbit * ONE_MBIT_SAMPLE));
        }
        TrafficSeries day = TrafficSeries.of(samples, TrafficRange.DAY, at("2026-11-25T10:07:00Z"));
        // 20 samples: the highest one (5 %) is dropped, the 19th is billed
        assertEquals(19.0, day.percentile95TransmittedMbps(), 1e-9);
        assertEquals(38.0, day.percentile95ReceivedMbps(), 1e-9);

        TrafficSeries one = TrafficSeries.of(samples.subList(0, 1), TrafficRange.DAY, at("2026-11-25T10:07:00Z"));
        assertEquals(8.0, one.percentile95TransmittedMbps(), 1e-9);
    }

    @Test
    void withoutSamplesTheSeriesIsEmptyButComplete() {
        TrafficSeries month = TrafficSeries.of(List.of(), TrafficRange.MONTH, at("2026-11-25T10:07:00Z"));
        assertTrue(month.isEmpty());
        assertEquals(30, month.buckets().size());
        assertTrue(month.buckets().stream().allMatch(b -> b.receivedBytes() == 0 && b.transmittedBytes() == 0));
        assertEquals(0, month.percentile95TransmittedMbps());
        assertEquals(0, month.peakMbps());

        TrafficSeries quiet = TrafficSeries.of(List.of(new TrafficSample(at("2026-11-25T10:05:00Z"), 0, 0)),
                TrafficRange.MONTH, at("2026-11-25T10:07:00Z"));
        assertFalse(quiet.isEmpty(), "a quiet server is not a server without data");
    }

    @Test
    void samplesCannotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new TrafficSample(Instant.EPOCH, -1, 0));
    }
}
