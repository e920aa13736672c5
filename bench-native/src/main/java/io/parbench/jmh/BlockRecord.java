package io.parbench.jmh;

import io.parbench.kernels.PoolAccount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a fork knows of one measured block besides its score: the steps it ran, its wall time
 * (the pool's accounting window where there is one, else the fork's own clock), when it ran on the
 * epoch clock, and its pool's accounting. Taken around JMH's measurement iteration, outside its
 * timed window, so it brackets that window closely but not exactly.
 *
 * @param pool the pool's accounting, null when the kernel's pool keeps none
 */
public record BlockRecord(long steps, long wallNs, long startEpochNs, long endEpochNs, PoolAccount pool) {

    /** As {@link ChecksumFile} writes it after the checksum: space-separated name=value fields, a worker's fields by commas. */
    String text() {
        StringBuilder text = new StringBuilder("steps=" + steps + " wall=" + wallNs + " start=" + startEpochNs + " end=" + endEpochNs);
        if (pool != null) {
            text.append(" pool=").append(pool.source()).append(" window=").append(pool.windowNs())
                    .append(" regions=").append(field(pool.regions()));
            for (PoolAccount.Worker w : pool.workers()) {
                text.append(" worker=").append(Arrays.asList(w.busyNs(), w.searchingNs(), w.asleepNs(), w.parkedNs(), w.steals(),
                        w.failedSteals(), w.sleeps(), w.wakeups(), w.wakeLatencyNs()).stream().map(BlockRecord::field)
                        .collect(Collectors.joining(",")));
            }
        }
        return text.toString();
    }

    /** The fields {@link #text()} wrote. */
    static BlockRecord parse(List<String> fields) {
        long steps = 0, wall = 0, start = 0, end = 0, window = 0;
        String source = null;
        Long regions = null;
        List<PoolAccount.Worker> workers = new ArrayList<>();
        for (String field : fields) {
            String[] nameValue = field.split("=", 2);
            if (nameValue.length != 2) {
                throw new IllegalArgumentException("'" + field + "' is not a name=value field");
            }
            String value = nameValue[1];
            switch (nameValue[0]) {
                case "steps" -> steps = Long.parseLong(value);
                case "wall" -> wall = Long.parseLong(value);
                case "start" -> start = Long.parseLong(value);
                case "end" -> end = Long.parseLong(value);
                case "pool" -> source = value;
                case "window" -> window = Long.parseLong(value);
                case "regions" -> regions = number(value);
                case "worker" -> workers.add(worker(value));
                default -> { } // a field a later fork writes
            }
        }
        return new BlockRecord(steps, wall, start, end, source == null ? null : new PoolAccount(source, window, regions, workers));
    }

    private static PoolAccount.Worker worker(String value) {
        Long[] v = Arrays.stream(value.split(",", -1)).map(BlockRecord::number).toArray(Long[]::new);
        if (v.length != 9) {
            throw new IllegalArgumentException("a worker has 9 fields, not '" + value + "'");
        }
        return new PoolAccount.Worker(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
    }

    private static String field(Long value) {
        return value == null ? "-" : value.toString();
    }

    private static Long number(String text) {
        return text.equals("-") ? null : Long.valueOf(text);
    }
}
