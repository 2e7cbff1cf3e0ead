/**
 * The sandbox's Hire data: immutable records shaped after Feishu Hire, the mutable {@code HireData} maps
 * guarded by {@code HireTenant}, the deterministic demo tenant and the JSON renderers matching the SDK models.
 */
package io.hirebot.sandbox.hire;
