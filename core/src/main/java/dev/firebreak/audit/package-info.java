/**
 * The audit trail: every change to an incident with its time, actor and reason
 * ({@link dev.firebreak.audit.AuditRecord}), read with {@code CrisisEngine.auditTrail(id)} and turned into
 * a post-mortem by {@code dev.firebreak.report}.
 */
package dev.firebreak.audit;
