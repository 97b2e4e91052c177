/**
 * ChittyOS-specific logic the YAML routes cannot say well: the ChittyID client's local format and checksum check,
 * its validation cache and its health probe.
 */
package cc.chitty.connect.hub.chittyos;
