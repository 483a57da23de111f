// public/polls.js, loaded by the sidebar after the scripts hipchat-connect wrote into its <head>.
document.getElementById('new').addEventListener('click', () => HipChatConnect.dialog.open('new-poll'));

async function showPolls() {
  const response = await HipChatConnect.fetch('/api/polls'); // Authorization: JWT <page token>, refreshed as needed
  const { polls } = await response.json();
  document.getElementById('polls').innerHTML = polls.map((poll) => `<li>${poll.question}</li>`).join('');
}

HipChatConnect.onGlanceUpdate(showPolls);
showPolls();
