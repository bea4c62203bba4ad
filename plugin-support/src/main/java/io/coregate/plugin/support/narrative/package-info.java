/** Booking narratives built from the transfer context, shared by the CBS plugins. */
package io.coregate.plugin.support.narrative;
