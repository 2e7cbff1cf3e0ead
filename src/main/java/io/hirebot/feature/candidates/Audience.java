package io.hirebot.feature.candidates;

import java.time.ZoneId;

/**
 * What a candidates card offers where it is shown, besides its rows' read-only parts: Follow, or
 * "✓ Following · Unfollow" where the chat already follows the job; and whether its rows offer changes. Worked out at
 * every render from where the card is (never carried in its view), so every list of the job in that chat says the
 * same, and says it again right after the chat started or stopped following it.
 *
 * @param viewOnly a private chat's card whose one viewer may not change the job's candidates: its rows offer no
 *     Advance, Reject, Move or Note, and a line says why. A group's card is shared and always offers them (each
 *     click's own permission check stays the guard).
 * @param zone the zone of the chat it is shown in, which its dates ("applied Nov 16", days in stage) are read in
 */
record Audience(boolean following, boolean viewOnly, ZoneId zone) {}
