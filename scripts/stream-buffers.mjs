// Preloaded into the production server by scripts/start.mjs (node --import). Node's streams buffer 16 kB by default
// before a write reports backpressure: an answer larger than that (a shared report page is 50–60 kB of HTML) makes Next
// wait for the socket to drain before it ends the answer, which costs one more socket write per answer (the end of the
// chunked body, alone). With 128 kB the body and its end leave in one write, as a small answer's do.
import { setDefaultHighWaterMark } from "node:stream";

setDefaultHighWaterMark(false, 128 * 1024);
