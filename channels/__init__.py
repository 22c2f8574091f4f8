"""Delivery, and only delivery: SMS (Twilio), email (SMTP), the outbox dispatcher
(rate limits, retries, idempotency), inbound SMS replies, owner alerts, respondent
links and their QR codes, and whether a link reaches anyone.

Imports ``storage`` and ``surveys``; the SMS and SMTP libraries load only when a
channel is configured.
"""
