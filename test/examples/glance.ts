import express from 'express';
import { createAddon, type GlanceData } from 'hipchat-connect';

const addon = createAddon({
  key: 'com.example.reviews',
  name: 'Reviews',
  description: 'Pull requests waiting for review',
  scopes: ['send_notification', 'view_room'],
});

// Your own data source; here, a fixed answer.
async function waitingReviews(roomId: number | undefined): Promise<number> {
  return roomId === undefined ? 0 : 4;
}

addon.glance('reviews', { name: 'Reviews', icon: '/icons/review.png', target: 'reviews-panel' }, async ({ roomId }): Promise<GlanceData> => {
  const count = await waitingReviews(roomId);
  return {
    label: { type: 'html', value: `<b>${count}</b> waiting for review` },
    status: { type: 'lozenge', value: count > 3 ? { label: 'busy', type: 'error' } : { label: 'calm', type: 'success' } },
    metadata: { count },
  };
});

addon.webPanel('reviews-panel', { name: 'Reviews' }, (_req, res) => {
  res.send(`<!doctype html><html><head>${res.locals.hipchat.scripts}</head><body>The list of reviews</body></html>`);
});

const app = express();
app.use(express.static('public')); // serves /icons/review.png
app.use(addon.router); // the descriptor, install callbacks, /glances/reviews and /pages/reviews-panel
app.listen(3000);
