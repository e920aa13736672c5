/**
 * Serving pages to a browser: {@link io.parbench.serving.AssetServer} over the files of its
 * {@link io.parbench.serving.AssetRoot mounts} (a classpath folder, a directory), on loopback or,
 * for a browser on another machine, over HTTPS on a {@link io.parbench.serving.ServeAddress} with
 * a certificate made for the run. Nothing here knows which browser asks or how it is driven: the
 * browser engines, the byo engine and the CLI use it alike.
 */
package io.parbench.serving;
