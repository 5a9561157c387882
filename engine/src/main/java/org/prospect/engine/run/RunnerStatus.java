package org.prospect.engine.run;

/**
 * A consistent-enough snapshot for a status bar.
 *
 * @param time           simulated time reached, in time units
 * @param steps          steps taken since the last reset
 * @param stepsPerSecond measured over the last half second of wall time; 0 while paused
 * @param running        playing (true) or paused
 * @param learning       plasticity enabled
 */
public record RunnerStatus(double time, long steps, double stepsPerSecond, boolean running, boolean learning) {}
