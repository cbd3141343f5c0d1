package dev.takeaways.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** The most heap in use at once, sampled every 50 ms (pool peaks, summed, overstate it), and the RSS high-water mark. */
public final class MemoryPeaks extends Thread {
  private final AtomicLong heapPeak = new AtomicLong();

  public MemoryPeaks() {
    super("bench-heap-sampler");
    setDaemon(true);
  }

  @Override
  public void run() {
    while (true) {
      heapPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(50); // the sampling period
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The most heap seen in use, in bytes. */
  public long heapPeak() {
    return heapPeak.get();
  }

  /** The process's resident set high-water mark in KiB, from /proc (Linux); NaN elsewhere. */
  public static double rssPeakKb() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(l -> l.startsWith("VmHWM:")).mapToDouble(l -> Double.parseDouble(l.replaceAll("\\D", ""))).findFirst().orElse(Double.NaN);
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
