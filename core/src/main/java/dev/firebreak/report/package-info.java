/**
 * The post-mortem of an incident ({@link dev.firebreak.report.PostMortem}), computed from its audit trail,
 * exported as JSON ({@link dev.firebreak.report.PostMortemJson}) and as one self-contained HTML page with
 * an SVG chart ({@link dev.firebreak.report.PostMortemHtml}).
 */
package dev.firebreak.report;
