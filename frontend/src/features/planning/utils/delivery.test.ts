import { describe, expect, it } from 'vitest';

import {
  deliveryErrorKey,
  deliveryLabelKey,
  deliveryTone,
  isDeliveryStatus,
  needsAttention,
  type DeliveryStatus,
} from '@/features/planning/utils/delivery';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';

/** The catalog's French without its accents (source files stay ASCII). */
const ascii = (text: string | null | undefined) => text?.normalize('NFD').replace(/[\u0300-\u036f]/g, '') ?? null;

describe('delivery state', () => {
  it.each<[DeliveryStatus, string, string, boolean]>([
    ['queued', "En attente d'envoi", 'pending', false],
    ['sent', 'Envoyee', 'ok', false],
    ['failed', "Echec d'envoi", 'problem', true],
    ['no_channel', 'Non joignable', 'problem', true],
  ])('%s reads "%s", tone %s, needs the manager: %s', (status, label, tone, attention) => {
    expect(ascii(fr[deliveryLabelKey(status) as keyof typeof fr])).toBe(label);
    expect(en[deliveryLabelKey(status) as keyof typeof en]).toBeTruthy();
    expect(deliveryTone(status)).toBe(tone);
    expect(needsAttention(status)).toBe(attention);
  });

  it('knows only the API statuses', () => {
    expect(isDeliveryStatus('sent')).toBe(true);
    expect(isDeliveryStatus('SENT')).toBe(false);
    expect(isDeliveryStatus(null)).toBe(false);
    expect(needsAttention(null)).toBe(false);
    expect(needsAttention('bounced')).toBe(false);
  });

  it.each<[string | null, string | null]>([
    ['no email address', "Pas d'adresse email ni de canal"],
    ['recipient refused: 550 5.1.1 unknown user', 'Adresse email refusee par le serveur de messagerie'],
    ['refused: 554 rejected', 'Message refuse par le serveur de messagerie'],
    ['SMTPConnectError: Error connecting to 127.0.0.1 on port 1025', 'Serveur de messagerie injoignable apres plusieurs essais'],
    ['TimeoutError: ', 'Serveur de messagerie injoignable apres plusieurs essais'],
    ['ValueError: something new', null],
    [null, null],
  ])('the error %j reads %j', (error, text) => {
    const key = deliveryErrorKey(error);
    expect(key ? ascii(fr[key as keyof typeof fr]) : null).toBe(text);
  });
});
