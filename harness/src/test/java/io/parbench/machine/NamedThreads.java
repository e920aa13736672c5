package io.parbench.machine;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A child process for the sampler's tests: starts and stops named threads as told on stdin,
 * "busy NAME" (spins), "sleeper NAME" (sleeps, waking every 50 ms), "stop NAME", and answers
 * each command with "ok" once done. It exits when stdin closes.
 */
public final class NamedThreads {

    private NamedThreads() {}

    public static void main(String[] args) throws Exception {
        Map<String, Thread> threads = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] command = line.split(" ", 2);
            switch (command[0]) {
                case "busy" -> threads.put(command[1], Thread.ofPlatform().daemon().name(command[1]).start(NamedThreads::spin));
                case "sleeper" -> threads.put(command[1], Thread.ofPlatform().daemon().name(command[1]).start(NamedThreads::doze));
                case "stop" -> {
                    Thread thread = threads.remove(command[1]);
                    thread.interrupt();
                    thread.join();
                }
                default -> throw new IllegalArgumentException("unknown command: " + line);
            }
            System.out.println("ok");
            System.out.flush();
        }
    }

    private static void spin() {
        long x = 0;
        while (!Thread.currentThread().isInterrupted()) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        if (x == 42) {
            System.out.println(); // keeps the loop from being dropped
        }
    }

    private static void doze() {
        try {
            while (true) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            // stopped
        }
    }
}
