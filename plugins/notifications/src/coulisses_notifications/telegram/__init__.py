"""Telegram: the Bot API client, chat links, the bot's conversation, long polling."""
