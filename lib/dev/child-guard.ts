/**
 * Preloaded into the add-on's process by `hipchat-connect dev` (`node --require`). dev starts the add-on
 * in a process group of its own, so that a Ctrl-C in the terminal reaches dev alone, which uninstalls
 * while the add-on can still answer, and only then stops it. The price is that a dev killed outright
 * would leave the add-on holding its port; so the add-on leaves when dev's IPC channel closes.
 */
if (process.channel) {
  process.on('disconnect', () => process.exit(0));
  // Listening for 'disconnect' holds the event loop open; the add-on's own server should decide that.
  process.channel.unref();
}
