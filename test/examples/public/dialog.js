// public/dialog.js, loaded by the dialog page.
const question = document.getElementById('question');
question.addEventListener('input', () => HipChatConnect.dialog.updatePrimaryAction({ enabled: question.value.trim() !== '' }));

HipChatConnect.onDialogButton(async (event, closeDialog) => {
  if (event.action === 'create') {
    await HipChatConnect.fetch('/api/polls', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: question.value }) });
  }
  closeDialog(true);
});
