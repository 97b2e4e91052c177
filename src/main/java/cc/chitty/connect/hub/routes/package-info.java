/**
 * The routes directory: where route files, their schemas and upstream declarations are read from in every profile
 * (a directory on disk, or the copies packaged in the jar), and whether it is watched.
 */
package cc.chitty.connect.hub.routes;
