"""News to chats and webhooks: Slack, Microsoft Teams, Google Chat, Chatwork, generic HTTPS.

- ``notices``: what a message says (a response, a detractor, a task), in ja or en;
- ``payloads``: that message in each service's request shape;
- ``signing``: the generic webhook's HMAC-SHA256 signature (docs/webhooks.md);
- ``client``: one HTTPS POST and what its answer means to the outbox;
- ``channel``: the outbox's 'webhook' channel (``channels.lane`` sends through it);
- ``events``: queueing the messages, once per destination and subject.
"""
