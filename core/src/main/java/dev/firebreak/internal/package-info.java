/**
 * Implementation details shared by Firebreak's own modules (core, the adapters). Not part of the API:
 * anything here may change or go away in any release; do not use it from application code.
 */
package dev.firebreak.internal;
