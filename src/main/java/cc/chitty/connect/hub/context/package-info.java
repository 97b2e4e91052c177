/** The hub's own identity in ChittyOS: the context initialisation run at start-up and its row in {@code contexts}. */
package cc.chitty.connect.hub.context;
