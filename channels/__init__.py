"""Delivery: links and tokens, QR codes, and (later) SMS, email and the outbox."""
