package io.hirebot.feature.candidates;

/**
 * What a candidates card offers where it is shown, besides its rows: Follow, or "✓ Following · Unfollow" where the
 * chat already follows the job. Worked out at every render from where the card is (never carried in its view), so
 * every list of the job in that chat says the same, and says it again right after the chat started or stopped
 * following it.
 */
record Audience(boolean following) {}
