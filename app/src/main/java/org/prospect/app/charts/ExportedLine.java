package org.prospect.app.charts;

/** One chart line's points for an export: the chart's id, the line's legend name, its times and values. */
public record ExportedLine(String chart, String name, double[] x, double[] y) {}
